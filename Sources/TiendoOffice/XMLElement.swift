/// One element of an Office XML part, namespace prefixes dropped ("w:p" is
/// "p"): WordprocessingML's names do not clash within the parts tiendo reads.
/// `text` is the character data directly inside (what a w:t holds).
final class XMLElement {
    let name: String
    let attributes: [String: String]
    var children: [XMLElement] = []
    var text = ""

    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    /// An attribute by local name ("val" for w:val).
    subscript(attribute: String) -> String? { attributes[attribute] }

    func child(_ name: String) -> XMLElement? { children.first { $0.name == name } }

    func children(_ name: String) -> [XMLElement] { children.filter { $0.name == name } }

    /// A WordprocessingML on/off property: present means on unless its
    /// value says otherwise ("<w:b/>", "<w:b w:val="0"/>").
    var isOn: Bool {
        guard let value = attributes["val"] else { return true }
        return !["0", "false", "off", "none"].contains(value.lowercased())
    }
}
