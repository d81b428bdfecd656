import Foundation
import Testing
import TiendoCore
import TiendoOffice
@testable import TiendoSite

/// `tiendo import`: Word documents made by scripts/make-docx (real Word
/// structures: numbering, split runs, header table, merged cells, tracked
/// changes) must read as the Markdown they were made from. Compared by
/// reading both with the directive reader of this build, so the test holds
/// whatever that reader learns next.
@Suite struct ImportTests {
    /// What a task is, for the round trip. Text is compared without
    /// emphasis markers and escapes: Word's runs may split bold differently.
    struct TaskReading: Equatable, CustomStringConvertible {
        var id, section, text: String
        var assignees: [String]
        var units: [String]
        var deadline: String?
        var consolidator: String?

        init(_ task: TiendoCore.Task) {
            id = task.id
            section = Self.plain(task.section)
            text = Self.plain(task.text)
            assignees = task.assignees.map { "\($0.name)|\($0.code ?? "-")|\($0.role)" }
            units = task.units
            deadline = task.deadline.map { "\($0.text)|\($0.kind.rawValue)|\($0.due?.iso ?? "-")" }
            consolidator = task.consolidator.map { "\($0.name)|\($0.code ?? "-")" }
        }

        static func plain(_ text: String) -> String {
            VietnameseText.collapseSpaces(String(text.filter { $0 != "*" && $0 != "\\" && $0 != "_" }))
        }

        var description: String { "[\(id)] \(text.prefix(60)) \(assignees) \(deadline ?? "-")" }
    }

    static func readings(_ path: String, content: String) -> [TaskReading] {
        var diagnostics: [Diagnostic] = []
        let loader = ContentLoader(contentDirectory: content)
        let register = loader.loadRegister(diagnostics: &diagnostics)
        return (loader.readDirective(at: path, register: register, renderHTML: false, diagnostics: &diagnostics)?.tasks ?? [])
            .map(TaskReading.init)
    }

    /// A content folder with the sample register and no directive yet.
    static func emptyContent() throws -> String {
        let folder = Support.temporaryDirectory()
        try FileManager.default.createDirectory(atPath: folder + "/directives", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Support.sampleContent + "/units.yaml", toPath: folder + "/units.yaml")
        return folder
    }

    static var docxFixtures: String { Support.fixtures + "/docx" }

    // MARK: The sample, through the command

    @Test func sampleImportsToTheSameTasksThroughTheCommand() throws {
        let content = try Self.emptyContent()
        defer { try? FileManager.default.removeItem(atPath: content) }
        let result = try CommandRun.run(["import", Self.docxFixtures + "/trien-khai-tb-406.docx", "--content", content])
        #expect(result.status == 0, "\(result.stderr)")
        let written = content + "/directives/trien-khai-tb-406.md"
        let text = try String(contentsOfFile: written, encoding: .utf8)
        // Front matter from the header table: what the draft shows, no invented number or date.
        #expect(text.hasPrefix("---\n"))
        #expect(text.contains("\nid: trien-khai-tb-406\n"))
        #expect(text.contains("\nissuer: \"ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG\"\n"))
        #expect(text.contains("\nkind: \"Công văn\"\n"))
        #expect(text.contains("\nsubject: \"triển khai thực hiện Thông báo số 406-TB/TU ngày 04/6/2026 của Ban Thường vụ Thành ủy\"\n"))
        #expect(text.contains("\nsigner: \"Vũ Tiến Phụng\"\n"))
        #expect(!text.contains("\nnumber:") && !text.contains("\ndate:"))
        #expect(text == text.precomposedStringWithCanonicalMapping)
        // What it found, then the tasks as `tiendo tasks` lists them.
        #expect(result.stdout.contains("Bỏ qua 1 hình ảnh"))
        #expect(result.stdout.contains("Thay đổi đã theo dõi: lấy"))
        #expect(result.stdout.contains("== trien-khai-tb-406: "))
        #expect(result.stdout.contains("16 nhiệm vụ, 0 nội dung chưa giao cho đơn vị nào"))
        #expect(result.stdout.contains(", mục 1. Ủy ban nhân dân xã, phường, đặc khu\n"))

        let imported = try CommandRun.run(["tasks", "--json", "--content", content, written])
        let source = try CommandRun.run(["tasks", "--json", "--content", Support.sampleContent,
                                         Support.sampleContent + "/directives/trien-khai-tb-406.md"])
        #expect(imported.status == 0 && source.status == 0)
        #expect(imported.stdout == source.stdout)
        #expect(source.stdout.contains("\"id\": \"4.6\"") || source.stdout.contains("\"id\":\"4.6\""))

        // Once written, the file stays unless --force.
        let again = try CommandRun.run(["import", Self.docxFixtures + "/trien-khai-tb-406.docx", "--content", content])
        #expect(again.status != 0)
        #expect(again.stderr.contains("đã có — thêm --force để ghi đè"))
        try "sửa tay".write(toFile: written, atomically: false, encoding: .utf8)
        let forced = try CommandRun.run(["import", Self.docxFixtures + "/trien-khai-tb-406.docx", "--content", content, "--force", "--id", "tb-406"])
        #expect(forced.status == 0)
        #expect(try String(contentsOfFile: written, encoding: .utf8) == "sửa tay", "--id writes another file")
        #expect(FileManager.default.fileExists(atPath: content + "/directives/tb-406.md"))
    }

    // MARK: Bad input: its error, and nothing written

    @Test(arguments: [
        ("bad/cong-van-cu.doc", "Tệp > Lưu thành > Word Document (.docx)"),
        ("bad/ban-chup.docx", "đây là tệp PDF; tiendo chỉ đọc văn bản Word (.docx)"),
        ("bad/khong-phai-zip.docx", "không phải văn bản Word .docx"),
        ("bad/co-mat-khau.docx", "được đặt mật khẩu"),
        ("bad/khong-co-chu.docx", "văn bản không có chữ nào"),
    ])
    func badInputIsRefusedAndNothingWritten(file: String, message: String) throws {
        let content = try Self.emptyContent()
        defer { try? FileManager.default.removeItem(atPath: content) }
        let before = try Snapshot(content)
        let result = try CommandRun.run(["import", Self.docxFixtures + "/" + file, "--content", content])
        #expect(result.status == 1)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stderr.contains(file), "the error names the file")
        #expect(try Snapshot(content) == before)
    }

    @Test func hostileZipsAreRefusedAndNothingWritten() throws {
        let content = try Self.emptyContent()
        defer { try? FileManager.default.removeItem(atPath: content) }
        let before = try Snapshot(content)
        let folder = Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let laughs = """
            <?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>\
            <w:document xmlns:w="x"><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>
            """
        try ZipWriter.zip([.init(path: "word/document.xml", data: Data(laughs.utf8))]).write(to: URL(fileURLWithPath: folder + "/thuc-the.docx"))
        // bom-nen.docx (made by scripts/make-docx --bad): 80 MB of zeros in 80 KB, over the 64 MB part limit.
        try FileManager.default.copyItem(atPath: Self.docxFixtures + "/bad/bom-nen.docx", toPath: folder + "/bom.docx")
        for (file, message) in [("bom.docx", "bom nén"), ("thuc-the.docx", "khai báo DTD/thực thể")] {
            let result = try CommandRun.run(["import", folder + "/" + file, "--content", content])
            #expect(result.status == 1)
            #expect(result.stderr.contains(message), "\(result.stderr)")
        }
        #expect(try Snapshot(content) == before)
    }

    // MARK: Real documents, made into Word files in CI

    static var realSources: String {
        ProcessInfo.processInfo.environment["TIENDO_DIRECTIVES_REAL"] ?? Support.repository + "/../shared/directives-real"
    }
    static var realDocx: String {
        ProcessInfo.processInfo.environment["TIENDO_DOCX_REAL"] ?? Support.repository + "/.build-docx/real"
    }
    static var realPairs: [String] {
        let manager = FileManager.default
        let sources = (try? manager.contentsOfDirectory(atPath: realSources)) ?? []
        return sources.filter { $0.hasSuffix(".md") && $0.first?.isNumber == true }.sorted()
            .map { String($0.dropLast(3)) }
            .filter { manager.fileExists(atPath: realDocx + "/" + $0 + ".docx") }
    }

    @Test(.enabled(if: realPairs.count >= 4,
                   "needs ../shared/directives-real and the .docx that scripts/make-docx makes of it in .build-docx/real (.ci/run does both)"))
    func realDocumentsImportToTheSameTasks() throws {
        let content = try Self.emptyContent()
        defer { try? FileManager.default.removeItem(atPath: content) }
        var diagnostics: [Diagnostic] = []
        let register = ContentLoader(contentDirectory: content).loadRegister(diagnostics: &diagnostics)
        var compared = 0
        for stem in Self.realPairs {
            // The Markdown's provenance comment is the archive's, not the document's: a Word file has none.
            let raw = try String(contentsOfFile: Self.realSources + "/" + stem + ".md", encoding: .utf8)
            let source = raw.replacingOccurrences(of: #"<!--[\s\S]*?-->"#, with: "", options: .regularExpression)
            let sourcePath = content + "/" + stem + ".md"
            try source.write(toFile: sourcePath, atomically: false, encoding: .utf8)
            let data = try Data(contentsOf: URL(fileURLWithPath: Self.realDocx + "/" + stem + ".docx"))
            let id = Slug.safeID(stem)
            let prepared = try DirectiveImport.prepare(data, fileName: stem + ".docx", contentDirectory: content,
                                                       id: id, register: register).get()
            try prepared.write(force: false).get()
            let expected = Self.readings(sourcePath, content: content)
            let imported = Self.readings(prepared.path, content: content)
            #expect(!expected.isEmpty, "\(stem): the Markdown gives tasks")
            #expect(imported.count == expected.count, "\(stem): \(imported.count) tasks imported, \(expected.count) in the Markdown")
            for (got, want) in zip(imported, expected) where got != want {
                Issue.record("\(stem): imported \(got) ≠ Markdown \(want)")
                break
            }
            // The header's number and date reach the front matter.
            if let number = prepared.metadata.number, !prepared.metadata.isNumberBlank {
                #expect(prepared.text.contains("\nnumber: \"\(number)\"\n"), "\(stem)")
            }
            compared += 1
        }
        #expect(compared >= 4)
    }
}

/// A folder's files and bytes, to show that nothing was written.
struct Snapshot: Equatable {
    var files: [String: Data] = [:]

    init(_ folder: String) throws {
        let manager = FileManager.default
        guard let walker = manager.enumerator(atPath: folder) else { return }
        for case let path as String in walker {
            var isDirectory: ObjCBool = false
            _ = manager.fileExists(atPath: folder + "/" + path, isDirectory: &isDirectory)
            files[path] = isDirectory.boolValue ? Data("<dir>".utf8) : try Data(contentsOf: URL(fileURLWithPath: folder + "/" + path))
        }
    }
}

/// Runs the built `tiendo` and collects what it prints.
enum CommandRun {
    struct Result { var status: Int32; var stdout: String; var stderr: String }

    static func run(_ arguments: [String]) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: TiendoProcess.executable)
        process.arguments = arguments
        // Standard error to a file, standard output read to the end: neither can fill and block the child.
        let errorPath = NSTemporaryDirectory() + "tiendo-import-stderr-" + UUID().uuidString
        _ = FileManager.default.createFile(atPath: errorPath, contents: nil)
        defer { try? FileManager.default.removeItem(atPath: errorPath) }
        let out = Pipe()
        let err = try FileHandle(forWritingTo: URL(fileURLWithPath: errorPath))
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try err.close()
        let stderr = try Data(contentsOf: URL(fileURLWithPath: errorPath))
        return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }
}
