/// A theme's templates, parsed once with their partials put in place, and
/// rendered straight into bytes. Rendering asks each view model for a field
/// by name and gets a `TemplateValue` back: no reflection, no casts, which is
/// what made the generic Mustache library the largest cost of a big build.
struct TemplateLibrary: Sendable {
    struct CompileError: Error, Equatable {
        /// The template (or partial) the problem is in.
        let template: String
        let line: Int
        let message: String
    }

    private let templates: [String: [TemplateNode]]

    /// `sources`: template name → its text. Every name in `pages` is compiled;
    /// the others are partials, compiled where a page includes them.
    init(sources: [String: [UInt8]], pages: [String]) throws(CompileError) {
        var compiler = Compiler(sources: sources)
        var templates: [String: [TemplateNode]] = [:]
        for page in pages {
            templates[page] = try compiler.compile(page, indentation: [], chain: [])
        }
        self.templates = templates
    }

    func has(_ name: String) -> Bool { templates[name] != nil }

    /// Renders template `name` with `model` as its outermost value.
    func render(_ name: String, _ model: any ViewModel, sizeHint: Int) -> [UInt8] {
        guard let nodes = templates[name] else { return [] }
        var rendering = Rendering(root: .object(model))
        rendering.out.reserveCapacity(sizeHint)
        rendering.render(nodes)
        return rendering.out
    }

    private struct Compiler {
        let sources: [String: [UInt8]]
        /// Partials are compiled once per indentation they are used with.
        var cache: [String: [TemplateNode]] = [:]

        mutating func compile(_ name: String, indentation: [UInt8], chain: [String]) throws(CompileError) -> [TemplateNode] {
            let key = name + "\u{0}" + String(decoding: indentation, as: UTF8.self)
            if let cached = cache[key] { return cached }
            guard var source = sources[name] else {
                throw CompileError(template: chain.last ?? name, line: 0, message: "không có mẫu \"\(name)\"")
            }
            if !indentation.isEmpty { source = Self.indent(source, by: indentation) }
            let pieces: [TemplateParser.Piece]
            do {
                pieces = try TemplateParser.pieces(source)
            } catch {
                throw CompileError(template: name, line: error.line, message: error.message)
            }
            var partials: [[TemplateNode]] = []
            for case .partial(let partial, let indentation, let line) in pieces {
                guard sources[partial] != nil else {
                    throw CompileError(template: name, line: line, message: "mẫu con {{>\(partial)}} không có trong templates/ (cần tệp \(partial).mustache)")
                }
                guard !chain.contains(partial) && partial != name else {
                    throw CompileError(template: name, line: line, message: "mẫu con {{>\(partial)}} lại chứa chính nó (\((chain + [name, partial]).joined(separator: " → ")))")
                }
                partials.append(try compile(partial, indentation: indentation, chain: chain + [name]))
            }
            let nodes: [TemplateNode]
            do {
                nodes = try TemplateParser.nodes(pieces, partials: partials)
            } catch {
                throw CompileError(template: name, line: error.line, message: error.message)
            }
            cache[key] = nodes
            return nodes
        }

        /// A partial alone on an indented line is indented on every line, as
        /// the Mustache specification says.
        static func indent(_ source: [UInt8], by indentation: [UInt8]) -> [UInt8] {
            var out = indentation
            for (index, byte) in source.enumerated() {
                out.append(byte)
                if byte == 0x0A && index + 1 < source.count { out += indentation }
            }
            return out
        }
    }

    /// One render: the values the template has entered, innermost last.
    private struct Rendering {
        var stack: [TemplateValue]
        var out: [UInt8] = []

        init(root: TemplateValue) { stack = [root] }

        mutating func render(_ nodes: [TemplateNode]) {
            for node in nodes {
                switch node {
                case .text(let bytes):
                    out.append(contentsOf: bytes)
                case .variable(let name, let escaped):
                    guard let value = lookUp(name) else { continue }
                    write(value, escaped: escaped)
                case .section(let name, let children, let inverted):
                    let value = lookUp(name)
                    if inverted {
                        renderInverted(value, children)
                    } else {
                        renderSection(value, children)
                    }
                }
            }
        }

        /// A list repeats for each item, a flag shows or hides, any other
        /// value found is entered once (even an empty text or zero, as the
        /// Mustache library the theme was first written for did).
        mutating func renderSection(_ value: TemplateValue?, _ children: [TemplateNode]) {
            switch value {
            case nil, .flag(false)?:
                return
            case .flag(true)?:
                render(children)
            case .list(let list)?:
                let count = list.count
                var index = 0
                while index < count {
                    stack.append(list.element(at: index))
                    render(children)
                    stack.removeLast()
                    index += 1
                }
            case let value?:
                stack.append(value)
                render(children)
                stack.removeLast()
            }
        }

        mutating func renderInverted(_ value: TemplateValue?, _ children: [TemplateNode]) {
            switch value {
            case nil, .flag(false)?:
                render(children)
            case .list(let list)? where list.count == 0:
                stack.append(.list(list))
                render(children)
                stack.removeLast()
            default:
                return
            }
        }

        mutating func write(_ value: TemplateValue, escaped: Bool) {
            switch value {
            case .text(let text):
                if escaped { HTML.appendEscaped(text, to: &out) } else { out.append(contentsOf: text.utf8) }
            case .markup(let bytes):
                if escaped { HTML.appendEscaped(String(decoding: bytes, as: UTF8.self), to: &out) } else { out.append(contentsOf: bytes) }
            default:
                if escaped { HTML.appendEscaped(value.printed, to: &out) } else { out.append(contentsOf: value.printed.utf8) }
            }
        }

        /// The first value, innermost outwards, that has the name's first
        /// part; then each further part inside the value found.
        func lookUp(_ name: TemplateName) -> TemplateValue? {
            guard let first = name.parts.first else { return stack.last }
            var found: TemplateValue?
            if name.anchored {
                found = Self.field(first, of: stack[stack.count - 1])
            } else {
                var index = stack.count - 1
                while index >= 0 {
                    if let value = Self.field(first, of: stack[index]) {
                        found = value
                        break
                    }
                    index -= 1
                }
            }
            var part = 1
            while part < name.parts.count, let value = found {
                found = Self.field(name.parts[part], of: value)
                part += 1
            }
            return found
        }

        static func field(_ name: String, of value: TemplateValue) -> TemplateValue? {
            if case .object(let object) = value { return object.value(named: name) }
            return nil
        }
    }
}
