import Foundation
import Testing
@testable import TiendoSite

/// A build killed at any moment leaves the published site whole: the old
/// site or the new one, never a mixture; the next build cleans up.
@Suite(.serialized) struct KillTests {
    func tree(_ folder: String) -> [String: Data] {
        var files: [String: Data] = [:]
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return files }
        while let item = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: folder + "/" + item, isDirectory: &isDirectory)
            if !isDirectory.boolValue { files[item] = FileManager.default.contents(atPath: folder + "/" + item) }
        }
        return files
    }

    func build(_ content: String, _ output: String) throws -> Int32 {
        try TiendoProcess.run(["build", "--as-of", "2026-07-15", "--content", content, "--theme", Support.repository + "/theme", "--output", output, "--quiet"])
    }

    @Test func killingABuildAtAnyMomentLeavesTheOldOrTheNewSite() throws {
        let root = Support.temporaryDirectory()
        let contentOld = root + "/content-old", contentNew = root + "/content-new"
        try FileManager.default.copyItem(atPath: Support.sampleContent, toPath: contentOld)
        try FileManager.default.copyItem(atPath: Support.sampleContent, toPath: contentNew)
        // The new content: the Department of Finance reports task 3.1 done.
        let status = contentNew + "/status.csv"
        let text = try String(contentsOfFile: status, encoding: .utf8)
        let changed = text.replacingOccurrences(of: "trien-khai-tb-406,3.1,STC,đang thực hiện,,,26/06/2026,",
                                                with: "trien-khai-tb-406,3.1,STC,hoàn thành,26/06/2026,77/BC-STC,26/06/2026,")
        #expect(changed != text)
        try changed.write(toFile: status, atomically: true, encoding: .utf8)

        let oldSite = root + "/old", newSite = root + "/new"
        #expect(try build(contentOld, oldSite) == 0)
        let started = Date()
        #expect(try build(contentNew, newSite) == 0)
        let fullTime = Date().timeIntervalSince(started)
        let old = tree(oldSite), new = tree(newSite)
        #expect(old != new)

        let output = root + "/site"
        var sawOld = 0, sawNew = 0
        /// Kills a build of the new content `delay` seconds after it starts; the site must be whole.
        func killBuild(after delay: Double) throws {
            try? FileManager.default.removeItem(atPath: output)
            try FileManager.default.copyItem(atPath: oldSite, toPath: output)
            let process = try TiendoProcess.start(["build", "--as-of", "2026-07-15", "--content", contentNew, "--theme", Support.repository + "/theme",
                                                   "--output", output, "--quiet"])
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let now = tree(output)
            #expect(now == old || now == new, "after a kill at \(delay) s the site is neither the old nor the new one")
            if now == old { sawOld += 1 } else if now == new { sawNew += 1 }
        }
        let points = 16
        for point in 0...points { try killBuild(after: fullTime * Double(point) / Double(points) * 1.1) }
        // The kills must land on both sides of the switch for the test to
        // mean anything. On a loaded CI machine a build can take several
        // times the one timed above, so no kill may have come late enough:
        // then later ones, up to 8 times the timed build, until one does.
        var late = fullTime * 2
        while sawNew == 0, late <= fullTime * 8 {
            try killBuild(after: late)
            late *= 2
        }
        #expect(sawOld > 0, "no kill landed before the switch")
        #expect(sawNew > 0, "no build got to the switch before its kill, even \(late / 2) s after it started")
        // The next build finishes the job and removes what the killed ones left.
        #expect(try build(contentNew, output) == 0)
        #expect(tree(output) == new)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: root).filter { $0.hasPrefix(".site.tmp-") || $0.hasPrefix(".site.old-") }
        #expect(leftovers.isEmpty, "leftovers: \(leftovers)")
    }

    @Test func aSecondBuildWaitsForNoOneAndSaysSo() throws {
        let root = Support.temporaryDirectory()
        let output = root + "/site"
        // Hold the lock as a running build would.
        let lock = open(root + "/.site.lock", O_CREAT | O_RDWR, 0o644)
        #expect(lock >= 0)
        defer { close(lock) }
        #expect(flock(lock, LOCK_EX | LOCK_NB) == 0)
        let stderr = Pipe()
        let reader = LineReader(stderr)
        let process = try TiendoProcess.start(["build", "--as-of", "2026-07-15", "--content", Support.miniContent, "--theme", Support.repository + "/theme",
                                               "--output", output], stderr: stderr)
        process.waitUntilExit()
        #expect(process.terminationStatus == 1)
        // The process has ended: the message is in the pipe, and the 10 s
        // only covers the reading thread being slow to run on a loaded machine.
        #expect(reader.wait(for: "một lần dựng trang khác đang chạy", seconds: 10), "\(reader.text)")
        #expect(!FileManager.default.fileExists(atPath: output))
    }

    @Test func contentErrorsWriteNothing() throws {
        let root = Support.temporaryDirectory()
        let content = root + "/content"
        try FileManager.default.copyItem(atPath: Support.miniContent, toPath: content)
        let output = root + "/site"
        #expect(try build(content, output) == 0)
        let before = tree(output)
        let handle = try #require(FileHandle(forWritingAtPath: content + "/status.csv"))
        handle.seekToEndOfFile()
        handle.write(Data("cv-12,1.1,Phường Không Có,xong,,,,\n".utf8))
        try handle.close()
        #expect(try build(content, output) == 1)
        #expect(tree(output) == before)
    }
}
