// Shared by every fuzz target: the fixtures they read against, and the
// checks that turn a silently wrong result into a crash libFuzzer keeps.
import Foundation
import TiendoCore

/// The core test fixtures (the Hải Phòng register and the sample directive),
/// so the targets read against the same data as the tests. `Fuzz/run` sets
/// TIENDO_FUZZ_FIXTURES; by default the path is relative to the repository.
let fixturesPath = ProcessInfo.processInfo.environment["TIENDO_FUZZ_FIXTURES"] ?? "Tests/TiendoCoreTests/Fixtures"

func fixtureText(_ path: String) -> String {
    let url = URL(fileURLWithPath: fixturesPath).appendingPathComponent(path)
    guard let data = FileManager.default.contents(atPath: url.path), let text = String(data: data, encoding: .utf8) else {
        fatalError("fuzz: cannot read fixture \(url.path); run from the repository root or set TIENDO_FUZZ_FIXTURES")
    }
    return text
}

let register: UnitRegister = {
    var diagnostics: [Diagnostic] = []
    let register = UnitRegisterFile.parse(fixtureText("units.yaml"), file: "units.yaml", diagnostics: &diagnostics)
    require(!diagnostics.hasErrors, "units.yaml: \(diagnostics)")
    return register
}()

let sampleDirective: Directive = DirectiveReader(register: register)
    .read(fixtureText("directives/trien-khai-tb-406.md"), file: "trien-khai-tb-406.md", defaultID: "trien-khai-tb-406", renderHTML: false)
    .directive

/// A broken expectation: its message on stderr (kept in -O builds, unlike
/// precondition's), then abort, so libFuzzer saves the input.
func require(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fail(message()) }
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("fuzz check failed: \(message)\n".utf8))
    abort()
}

/// The input as text: invalid UTF-8 becomes U+FFFD, as a file read leniently would.
func text(_ data: UnsafePointer<UInt8>, _ size: Int) -> String {
    String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
}

/// Every diagnostic names a place and says what to do.
func checkDiagnostics(_ diagnostics: [Diagnostic], file: String) {
    for diagnostic in diagnostics {
        require(diagnostic.file == file, "diagnostic for another file: \(diagnostic)")
        require(!diagnostic.message.isEmpty, "diagnostic without a message: \(diagnostic)")
        require(diagnostic.line >= 0 && diagnostic.column >= 0, "negative position: \(diagnostic)")
    }
}

/// Rendered HTML must be inert: no element or attribute that runs script,
/// no link to a scheme other than http, https, mailto or a relative one.
/// cmark escapes "<" in text, so every "<" in its output starts a real tag.
func checkInert(_ html: String) {
    let scalars = Array(html.unicodeScalars)
    var i = 0
    while i < scalars.count {
        guard scalars[i] == "<" else { i += 1; continue }
        i += 1
        if scalars[i...].starts(with: "!--".unicodeScalars) {
            // A comment, as safe mode writes "<!-- raw HTML omitted -->".
            var j = i + 3
            while j + 2 < scalars.count, !(scalars[j] == "-" && scalars[j + 1] == "-" && scalars[j + 2] == ">") { j += 1 }
            let comment = String(String.UnicodeScalarView(scalars[i..<min(j, scalars.count)]))
            require(comment == "!-- raw HTML omitted " , "a comment other than safe mode's in rendered HTML: \(html)")
            i = j + 3
            continue
        }
        if i < scalars.count, scalars[i] == "/" { i += 1 }
        var name = ""
        while i < scalars.count, scalars[i].properties.isAlphabetic || ("0"..."9").contains(scalars[i]) {
            name.unicodeScalars.append(scalars[i]); i += 1
        }
        let tag = name.lowercased()
        require(!["script", "iframe", "object", "embed", "svg", "math", "style", "form", "meta", "link", "base"].contains(tag),
                     "active element <\(tag)> in rendered HTML: \(html)")
        // Attributes: name="value" pairs up to ">".
        while i < scalars.count, scalars[i] != ">" {
            if scalars[i] == " " || scalars[i] == "/" { i += 1; continue }
            var attribute = ""
            while i < scalars.count, !" =>/".unicodeScalars.contains(scalars[i]) {
                attribute.unicodeScalars.append(scalars[i]); i += 1
            }
            var value = ""
            if i < scalars.count, scalars[i] == "=" {
                i += 1
                require(i < scalars.count && scalars[i] == "\"", "unquoted attribute \(attribute) in: \(html)")
                i += 1
                while i < scalars.count, scalars[i] != "\"" { value.unicodeScalars.append(scalars[i]); i += 1 }
                i += 1
            }
            let lowered = attribute.lowercased()
            require(!lowered.hasPrefix("on"), "event attribute \(attribute) in rendered HTML: \(html)")
            require(["href", "src", "alt", "title", "start", "class", "id", "align", "colspan", "rowspan", ""].contains(lowered),
                         "unexpected attribute \(attribute) in rendered HTML: \(html)")
            if lowered == "href" || lowered == "src" {
                let url = decodeEntities(value)
                if let scheme = browserScheme(url) {
                    require(lowered == "href" && ["http", "https", "mailto"].contains(scheme),
                            "\(lowered) to scheme \(scheme): in rendered HTML: \(html)")
                }
                require(!url.hasPrefix("//"), "protocol-relative link in rendered HTML: \(html)")
            }
        }
        i += 1
    }
}

/// HTML entities in an attribute value, decoded as a browser does.
func decodeEntities(_ text: String) -> String {
    var out = ""
    var rest = Substring(text)
    while let amp = rest.firstIndex(of: "&") {
        out += rest[..<amp]
        guard let semi = rest[amp...].firstIndex(of: ";") else { out += rest[amp...]; return out }
        let entity = rest[rest.index(after: amp)..<semi]
        switch entity {
        case "amp": out += "&"
        case "quot": out += "\""
        case "lt": out += "<"
        case "gt": out += ">"
        case "#39", "apos": out += "'"
        default:
            if entity.hasPrefix("#x") || entity.hasPrefix("#X"), let code = UInt32(entity.dropFirst(2), radix: 16), let s = Unicode.Scalar(code) {
                out.unicodeScalars.append(s)
            } else if entity.hasPrefix("#"), let code = UInt32(entity.dropFirst()), let s = Unicode.Scalar(code) {
                out.unicodeScalars.append(s)
            } else {
                out += "&" + entity + ";"
            }
        }
        rest = rest[rest.index(after: semi)...]
    }
    return out + rest
}

/// The scheme a browser (WHATWG URL parser) sees in a URL: ASCII tab and
/// newlines removed anywhere, leading C0 controls and spaces dropped, then an
/// ASCII letter followed by letters, digits, "+", "-" or "." up to ":";
/// anything else makes the URL relative. Nil when relative.
func browserScheme(_ url: String) -> String? {
    var scalars = url.unicodeScalars.filter { $0 != "\t" && $0 != "\n" && $0 != "\r" }
    while let first = scalars.first, first.value <= 0x20 { scalars.removeFirst() }
    let text = String(String.UnicodeScalarView(scalars))
    guard let colon = text.firstIndex(of: ":") else { return nil }
    let candidate = text[..<colon]
    guard let first = candidate.first, first.isASCII, first.isLetter,
          candidate.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }) else { return nil }
    return candidate.lowercased()
}
