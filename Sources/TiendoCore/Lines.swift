extension StringProtocol {
    /// The text split at line feeds, exactly as `split(separator: "\n",
    /// omittingEmptySubsequences:)` splits it, without reading graphemes:
    /// a line feed is always a Character of its own (nothing joins it), so
    /// the UTF-8 bytes split where the Characters do. Only a carriage
    /// return, which joins a following line feed into one Character ("\r\n"
    /// is not "\n"), sends the text the long way.
    func lines(omittingEmpty: Bool = false) -> [Substring] {
        let text = Substring(self)
        if text.utf8.contains(0x0D) {
            return text.split(separator: "\n", omittingEmptySubsequences: omittingEmpty)
        }
        return text.utf8.split(separator: 0x0A, omittingEmptySubsequences: omittingEmpty).map { Substring($0) }
    }
}
