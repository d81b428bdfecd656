// libFuzzer target: a directive as arbitrary UTF-8 Markdown (with or
// without front matter). DirectiveReader must return for any text, task ids
// must be unique, every task's units must be register units, and every
// block's rendered HTML must be inert.
import TiendoCore
import TiendoMarkdown

let directiveReader = DirectiveReader(register: register)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDirective(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let markdown = text(data, size)
    let output = directiveReader.read(markdown, file: "van-ban.md", defaultID: "van-ban", renderHTML: true)
    checkDiagnostics(output.diagnostics, file: "van-ban.md")
    let ids = output.directive.tasks.map(\.id)
    require(Set(ids).count == ids.count, "duplicate task ids \(ids)")
    for task in output.directive.tasks {
        for code in task.units { require(register.unit(code: code) != nil, "task \(task.id) falls on unknown unit \(code)") }
    }
    func visit(_ blocks: [MarkdownBlock]) {
        for block in blocks {
            checkInert(block.html)
            visit(block.children)
        }
    }
    visit(output.directive.blocks)
    checkInert(Markdown.html(markdown))
    checkInert(Markdown.inlineHTML(markdown))
    return 0
}
