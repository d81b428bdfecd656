import Foundation
import Testing
import TiendoCore
@testable import TiendoSite

/// tiendo writes only where it may, touches only what it made, reads only
/// inside the folders it was given, and never lets two sources write one page.
@Suite(.serialized) struct FileSafetyTests {
    let fm = FileManager.default

    /// Runs the built binary in `directory`; returns its exit status and what it printed on stderr.
    func run(_ arguments: [String], in directory: String) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: TiendoProcess.executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let stderr = Pipe()
        process.standardError = stderr
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
    }

    func listing(_ folder: String) -> [String] { ((try? fm.contentsOfDirectory(atPath: folder)) ?? []).sorted() }

    func files(_ pairs: [(String, String)]) -> [OutputFile] { pairs.map { OutputFile(path: $0.0, text: $0.1) } }

    func isLink(_ path: String) -> Bool { (try? fm.destinationOfSymbolicLink(atPath: path)) != nil }

    // MARK: --output

    @Test func aOneCharacterOutputNameBuilds() throws {
        let root = Support.temporaryDirectory()
        let (status, text) = try run(["build", "--as-of", "2026-07-15", "--content", Support.miniContent, "--theme", Support.repository + "/theme",
                                      "--output", "x", "--quiet"], in: root)
        #expect(status == 0, "\(text)")
        #expect(fm.fileExists(atPath: root + "/x/index.html"))
        #expect(!fm.fileExists(atPath: root + "/.x.lock"), "no lock file is left beside the site")
    }

    @Test(arguments: [".", "..", "/", "", "./", "sub/..", "content", "content/site", "theme", "theme/assets"])
    func outputsThatWouldDestroySomethingAreRefused(_ output: String) throws {
        let root = Support.temporaryDirectory()
        try fm.copyItem(atPath: Support.miniContent, toPath: root + "/content")
        try fm.copyItem(atPath: Support.repository + "/theme", toPath: root + "/theme")
        try fm.createDirectory(atPath: root + "/sub", withIntermediateDirectories: true)
        let before = listing(root)
        let (status, text) = try run(["build", "--as-of", "2026-07-15", "--content", "content", "--theme", "theme", "--output", output], in: root + (output == ".." ? "/sub" : ""))
        #expect(status == 1)
        #expect(text.contains("--output") || text.contains("thư mục"), "\(text)")
        #expect(!text.contains("Program crashed"), "\(text)")
        #expect(listing(root) == before, "nothing written beside the refused output")
        #expect(listing(root + "/sub").isEmpty)
        #expect(!listing(root + "/content").contains(".tiendo-site"))
    }

    @Test func aFolderHoldingTheContentIsRefusedByName() throws {
        let root = Support.temporaryDirectory()
        try fm.createDirectory(atPath: root + "/data/content", withIntermediateDirectories: true)
        #expect(throws: OutputLocation.Refusal.holds(output: root + "/data", what: "thư mục nội dung", folder: root + "/data/content")) {
            try OutputLocation.resolve(root + "/data", guarding: [("thư mục nội dung", root + "/data/content")])
        }
        #expect(throws: OutputLocation.Refusal.isGuarded(output: root + "/data/content", what: "thư mục nội dung")) {
            try OutputLocation.resolve(root + "/data/content", guarding: [("thư mục nội dung", root + "/data/content")])
        }
        let location = try OutputLocation.resolve(root + "/data/site", guarding: [("thư mục nội dung", root + "/data/content")])
        #expect(location.name == "site")
    }

    // MARK: Lock files

    @Test func noLockFileIsLeftBesideARefusedOrPublishedOutput() throws {
        let root = Support.temporaryDirectory()
        try fm.createDirectory(atPath: root + "/taixieu", withIntermediateDirectories: true)
        _ = fm.createFile(atPath: root + "/taixieu/quy-gia.txt", contents: Data("quý giá".utf8))
        #expect(throws: Publisher.Failure.self) { try Publisher(output: root + "/taixieu").publish(files([("index.html", "x")])) }
        try Publisher(output: root + "/site").publish(files([("index.html", "x")]))
        #expect(listing(root) == ["site", "taixieu"], "\(listing(root))")
    }

    @Test func aLockFileTiendoDidNotWriteIsNeitherUsedNorDeleted() throws {
        let root = Support.temporaryDirectory()
        _ = fm.createFile(atPath: root + "/.site.lock", contents: Data("ghi chú của người dùng".utf8))
        #expect(throws: Publisher.Failure.self) { try Publisher(output: root + "/site").publish(files([("index.html", "x")])) }
        #expect(fm.contents(atPath: root + "/.site.lock") == Data("ghi chú của người dùng".utf8))
        #expect(!fm.fileExists(atPath: root + "/site"))
    }

    // MARK: Staging folders

    @Test func onlyMarkedLeftoversAreDeleted() throws {
        let root = Support.temporaryDirectory()
        // Someone's folders, merely named like tiendo's.
        for name in [".site.old-backup", ".site.old-12345", ".site.tmp-99998"] {
            try fm.createDirectory(atPath: root + "/" + name, withIntermediateDirectories: true)
            _ = fm.createFile(atPath: root + "/\(name)/hop-dong.docx", contents: Data("dữ liệu".utf8))
        }
        // What a killed build leaves: a staging folder with tiendo's mark.
        try fm.createDirectory(atPath: root + "/.site.tmp-99999/a", withIntermediateDirectories: true)
        _ = fm.createFile(atPath: root + "/.site.tmp-99999/.tiendo-site", contents: Data((Publisher.stagingMark + "\n").utf8))
        try Publisher(output: root + "/site").publish(files([("index.html", "x")]))
        #expect(listing(root) == [".site.old-12345", ".site.old-backup", ".site.tmp-99998", "site"], "\(listing(root))")
        for name in [".site.old-backup", ".site.old-12345", ".site.tmp-99998"] {
            #expect(fm.contents(atPath: root + "/\(name)/hop-dong.docx") == Data("dữ liệu".utf8))
        }
    }

    // MARK: Symlinked output

    @Test func aSymlinkedOutputIsUpdatedThroughTheLink() throws {
        let root = Support.temporaryDirectory()
        try fm.createDirectory(atPath: root + "/srv/releases", withIntermediateDirectories: true)
        try fm.createDirectory(atPath: root + "/www", withIntermediateDirectories: true)
        try fm.createSymbolicLink(atPath: root + "/www/site", withDestinationPath: root + "/srv/releases/current")
        try fm.createDirectory(atPath: root + "/srv/releases/current", withIntermediateDirectories: true)
        let location = try OutputLocation.resolve(root + "/www/site")
        #expect(location.linkTarget != nil)
        let publisher = Publisher(location: location)
        try publisher.publish(files([("index.html", "một")]))
        try publisher.publish(files([("index.html", "hai"), ("b.html", "ba")]))
        #expect(isLink(root + "/www/site"), "the link stays a link")
        #expect(fm.contents(atPath: root + "/www/site/index.html") == Data("hai".utf8))
        #expect(fm.contents(atPath: root + "/srv/releases/current/b.html") == Data("ba".utf8))
        #expect(listing(root + "/www") == ["site"], "nothing beside the link: staging, lock and cache go beside its target")
        #expect(listing(root + "/srv/releases") == ["current"], "\(listing(root + "/srv/releases"))")
        #expect(publisher.directiveCachePath == root + "/srv/releases/.current.cache")
    }

    @Test func aSymlinkedOutputThroughTheCommandLine() throws {
        let root = Support.temporaryDirectory()
        try fm.createDirectory(atPath: root + "/target", withIntermediateDirectories: true)
        try fm.createSymbolicLink(atPath: root + "/site", withDestinationPath: "target")
        let (status, text) = try run(["build", "--as-of", "2026-07-15", "--content", Support.miniContent, "--theme", Support.repository + "/theme",
                                      "--output", "site", "--quiet"], in: root)
        #expect(status == 0, "\(text)")
        #expect(isLink(root + "/site"))
        #expect(fm.fileExists(atPath: root + "/target/index.html"))
    }

    func tree(_ folder: String) -> [String: Data] {
        var files: [String: Data] = [:]
        guard let enumerator = fm.enumerator(atPath: folder) else { return files }
        while let item = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            _ = fm.fileExists(atPath: folder + "/" + item, isDirectory: &isDirectory)
            if !isDirectory.boolValue { files[item] = fm.contents(atPath: folder + "/" + item) }
        }
        return files
    }

    @Test func killingABuildThroughALinkLeavesTheOldOrTheNewSiteBehindIt() throws {
        let root = Support.temporaryDirectory()
        let contentOld = root + "/content-old", contentNew = root + "/content-new"
        try fm.copyItem(atPath: Support.miniContent, toPath: contentOld)
        try fm.copyItem(atPath: Support.miniContent, toPath: contentNew)
        let status = contentNew + "/status.csv"
        try (try String(contentsOfFile: status, encoding: .utf8)).replacingOccurrences(of: "Đã gửi **đúng hạn**.", with: "Đã sửa.")
            .write(toFile: status, atomically: true, encoding: .utf8)
        let theme = Support.repository + "/theme"
        func build(_ content: String, _ output: String) throws -> Process {
            try TiendoProcess.start(["build", "--as-of", "2026-07-15", "--content", content, "--theme", theme, "--output", output, "--quiet"])
        }
        let reference = [root + "/old", root + "/new"]
        var fullTime = 0.0
        for (content, output) in zip([contentOld, contentNew], reference) {
            let started = Date()
            let process = try build(content, output)
            process.waitUntilExit()
            fullTime = Date().timeIntervalSince(started)
            #expect(process.terminationStatus == 0)
        }
        let old = tree(reference[0]), new = tree(reference[1])
        #expect(old != new)
        try fm.createDirectory(atPath: root + "/www", withIntermediateDirectories: true)
        for point in 0..<8 {
            try? fm.removeItem(atPath: root + "/target")
            try fm.copyItem(atPath: reference[0], toPath: root + "/target")
            if !isLink(root + "/www/site") { try fm.createSymbolicLink(atPath: root + "/www/site", withDestinationPath: root + "/target") }
            let process = try build(contentNew, root + "/www/site")
            usleep(useconds_t(fullTime * 1.1 * Double(point) / 7 * 1e6))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            #expect(isLink(root + "/www/site"), "the link is never replaced")
            // (The enumerator does not enter a link: read the site where it points.)
            let now = tree(root + "/target")
            #expect(now == old || now == new, "after a kill at point \(point) the site behind the link is neither the old nor the new one")
        }
        let last = try build(contentNew, root + "/www/site")
        last.waitUntilExit()
        #expect(tree(root + "/target") == new)
        #expect(fm.contents(atPath: root + "/www/site/index.html") == new["index.html"])
        #expect(listing(root + "/www") == ["site"])
        #expect(!listing(root).contains { $0.hasPrefix(".target.tmp-") || $0.hasPrefix(".target.old-") }, "\(listing(root))")
    }

    @Test func aDanglingOutputLinkIsRefused() throws {
        let root = Support.temporaryDirectory()
        try fm.createSymbolicLink(atPath: root + "/site", withDestinationPath: root + "/khong-co")
        #expect(throws: OutputLocation.Refusal.self) { try OutputLocation.resolve(root + "/site") }
        #expect(!fm.fileExists(atPath: root + "/khong-co"))
    }

    // MARK: Symlinks in content/ and theme/

    @Test func aContentLinkLeavingTheFolderIsRefusedByName() throws {
        let root = Support.temporaryDirectory()
        try fm.copyItem(atPath: Support.miniContent, toPath: root + "/content")
        _ = fm.createFile(atPath: root + "/outside.md", contents: Data("# Bí mật\n\n- Sở Nội vụ làm việc riêng.\n".utf8))
        try fm.createSymbolicLink(atPath: root + "/content/directives/bi-mat.md", withDestinationPath: root + "/outside.md")
        try fm.moveItem(atPath: root + "/content/status.csv", toPath: root + "/status-outside.csv")
        try fm.createSymbolicLink(atPath: root + "/content/status.csv", withDestinationPath: "../status-outside.csv")
        let loaded = ContentLoader(contentDirectory: root + "/content").load(asOf: nil)
        let errors = loaded.diagnostics.errors
        #expect(errors.contains { $0.file == root + "/content/directives/bi-mat.md" && $0.message.contains("liên kết") }, "\(errors)")
        #expect(errors.contains { $0.file == root + "/content/status.csv" && $0.message.contains("ra ngoài") }, "\(errors)")
        #expect(loaded.tracker == nil)
    }

    @Test func aLinkedFolderOfDirectivesIsReportedNotSilentlyLeftOut() throws {
        let root = Support.temporaryDirectory()
        try fm.copyItem(atPath: Support.miniContent, toPath: root + "/content")
        try fm.createDirectory(atPath: root + "/outside", withIntermediateDirectories: true)
        try fm.createSymbolicLink(atPath: root + "/content/directives/more", withDestinationPath: root + "/outside")
        try fm.createDirectory(atPath: root + "/content/archive", withIntermediateDirectories: true)
        try fm.createSymbolicLink(atPath: root + "/content/directives/old", withDestinationPath: "../archive")
        let diagnostics = ContentLoader(contentDirectory: root + "/content").load(asOf: nil).diagnostics
        #expect(diagnostics.errors.contains { $0.file == root + "/content/directives/more" }, "\(diagnostics)")
        #expect(diagnostics.warnings.contains { $0.file == root + "/content/directives/old" }, "\(diagnostics)")
    }

    @Test func aContentLinkInsideTheFolderIsFollowed() throws {
        let root = Support.temporaryDirectory()
        try fm.copyItem(atPath: Support.miniContent, toPath: root + "/content")
        try fm.moveItem(atPath: root + "/content/status.csv", toPath: root + "/content/status-2026.csv")
        try fm.createSymbolicLink(atPath: root + "/content/status.csv", withDestinationPath: "status-2026.csv")
        let loaded = ContentLoader(contentDirectory: root + "/content").load(asOf: nil)
        #expect(!loaded.diagnostics.hasErrors, "\(loaded.diagnostics)")
        #expect(!loaded.rows.isEmpty)
    }

    func themeCopy() throws -> String {
        let theme = Support.temporaryDirectory() + "/theme"
        try fm.copyItem(atPath: Support.repository + "/theme", toPath: theme)
        return theme
    }

    @Test func aThemeLinkLeavingTheFolderIsRefusedByName() throws {
        let theme = try themeCopy()
        try fm.createSymbolicLink(atPath: theme + "/assets/passwd.css", withDestinationPath: "/etc/passwd")
        let error = try #require(throws: Theme.LoadError.self) { try Theme(directory: theme) }
        #expect("\(error)".contains(theme + "/assets/passwd.css"), "\(error)")
        #expect("\(error)".contains("liên kết"))
    }

    @Test func aThemeFileThatCannotBeReadIsAnError() throws {
        // Root reads any file whatever its mode, so the unreadable file here
        // is a link to nothing and a pipe (which would also hang a reader).
        let theme = try themeCopy()
        try fm.createSymbolicLink(atPath: theme + "/assets/style.css.bak", withDestinationPath: theme + "/assets/khong-co.css")
        let dangling = try #require(throws: Theme.LoadError.self) { try Theme(directory: theme) }
        #expect("\(dangling)".contains("style.css.bak"), "\(dangling)")
        try fm.removeItem(atPath: theme + "/assets/style.css.bak")
        #expect(mkfifo(theme + "/assets/loc.fifo", 0o644) == 0)
        let pipe = try #require(throws: Theme.LoadError.self) { try Theme(directory: theme) }
        #expect("\(pipe)".contains("loc.fifo"), "\(pipe)")
        try fm.removeItem(atPath: theme + "/assets/loc.fifo")
        if geteuid() != 0 {
            #expect(chmod(theme + "/assets/style.css", 0) == 0)
            let unreadable = try #require(throws: Theme.LoadError.self) { try Theme(directory: theme) }
            #expect("\(unreadable)".contains("style.css"))
        }
    }

    @Test func themeAssetsDifferingOnlyInCaseAreAnError() throws {
        let theme = try themeCopy()
        try fm.copyItem(atPath: theme + "/assets/style.css", toPath: theme + "/assets/Style.css")
        #expect(throws: Theme.LoadError.self) { try Theme(directory: theme) }
    }

    // MARK: Unique paths

    func contentWith(unit: String? = nil, frontMatterTask: String? = nil) throws -> String {
        let content = Support.temporaryDirectory() + "/content"
        try fm.copyItem(atPath: Support.miniContent, toPath: content)
        if let unit {
            let handle = try #require(FileHandle(forWritingAtPath: content + "/units.yaml"))
            handle.seekToEndOfFile()
            handle.write(Data("  - {code: \"99\", name: \(unit), type: xa}\n".utf8))
            try handle.close()
        }
        if let id = frontMatterTask {
            let path = content + "/directives/cv-12.md"
            let text = try String(contentsOfFile: path, encoding: .utf8)
            let declared = "id: cv-12\ntasks:\n  \"\(id)\":\n    text: \"Sở Nội vụ làm thêm việc\"\n    lead: [SNV]\n"
            try text.replacingOccurrences(of: "id: cv-12\n", with: declared).write(toFile: path, atomically: true, encoding: .utf8)
        }
        return content
    }

    @Test func aUnitNamedIndexIsAnErrorNamingBothSources() throws {
        let content = try contentWith(unit: "Index")
        let errors = Support.loaded(content).diagnostics.errors
        let error = try #require(errors.first { $0.message.contains("don-vi/index.html") }, "\(errors)")
        #expect(error.file == content + "/units.yaml")
        #expect(error.line == 16)
        #expect(error.message.contains("\"Index\"") && error.message.contains("danh sách đơn vị"))
    }

    @Test func aUnitWhosePageWindowsCannotHoldIsAnError() throws {
        let content = try contentWith(unit: "Côn")
        let errors = Support.loaded(content).diagnostics.errors
        #expect(errors.contains { $0.message.contains("don-vi/con.html") && $0.message.contains("Windows") && $0.line == 16 }, "\(errors)")
    }

    @Test func aFrontMatterTaskIdThatWouldReplaceAnotherTasksPageIsAnError() throws {
        let content = try contentWith(frontMatterTask: "1-1")
        let errors = Support.loaded(content).diagnostics.errors
        let error = try #require(errors.first { $0.message.contains("nhiem-vu/cv-12/1-1.html") }, "\(errors)")
        #expect(error.message.contains("nhiệm vụ 1-1") && error.message.contains("nhiệm vụ 1.1"), "\(error)")
        #expect(error.file == content + "/directives/cv-12.md")
    }

    @Test func checkFindsCollisionsAsBuildDoes() throws {
        let content = try contentWith(unit: "INDEX")
        let root = Support.temporaryDirectory()
        let (checkStatus, checkText) = try run(["check", "--as-of", "2026-07-15", "--content", content], in: root)
        #expect(checkStatus == 1)
        #expect(checkText.contains("don-vi/index.html"), "\(checkText)")
        let (buildStatus, buildText) = try run(["build", "--as-of", "2026-07-15", "--content", content, "--theme", Support.repository + "/theme",
                                                "--output", root + "/site"], in: root)
        #expect(buildStatus == 1)
        #expect(buildText.contains("don-vi/index.html"))
        #expect(!fm.fileExists(atPath: root + "/site"))
    }

    @Test func plannedPathsAreExactlyThePathsTheBuilderWrites() throws {
        for content in [Support.miniContent, Support.sampleContent] {
            let loaded = Support.loaded(content)
            let tracker = try #require(loaded.tracker)
            let planned = Set(PlannedPaths.origins(register: loaded.register, directives: loaded.directives).map(\.path))
            let written = SiteBuilder(tracker: tracker, theme: Support.theme).plan().map(\.path).filter { !$0.hasPrefix("assets/") }
            // Every written page is planned (directive matrices are planned even when a small site has none).
            #expect(Set(written).subtracting(planned).isEmpty, "\(Set(written).subtracting(planned))")
            #expect(planned.subtracting(written).allSatisfy { $0.hasPrefix("tien-do/ma-tran/") })
            #expect(PathCollision.first(in: written) == nil)
        }
    }

    @Test func thePublisherRefusesTwoFilesOnOnePathWhateverTheirCase() throws {
        let root = Support.temporaryDirectory()
        #expect(throws: Publisher.Failure.self) {
            try Publisher(output: root + "/site").publish(files([("don-vi/a.html", "1"), ("don-vi/A.html", "2")]))
        }
        #expect(!fm.fileExists(atPath: root + "/site"))
    }
}
