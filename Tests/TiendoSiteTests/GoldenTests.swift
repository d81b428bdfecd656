import Foundation
import Testing
import TiendoCore
@testable import TiendoSite

/// A small fixture builds to exactly the committed pages. To change them on
/// purpose, run scripts/update-golden and review the diff; the test never
/// rewrites them itself.
@Suite struct GoldenTests {
    static let pages = [
        "index.html",
        "don-vi/index.html",
        "don-vi/xa-cam-giang-10903.html",
        "nhiem-vu/cv-12/1-1.html",
        "van-ban/cv-12.html",
        "lich/tat-ca.ics",
        "tien-do/tien-do.csv",
    ]

    @Test(arguments: pages)
    func pageMatchesGolden(_ page: String) throws {
        // The date of the figures pinned, as scripts/update-golden pins it.
        let built = Support.build(Support.miniContent, asOf: CivilDate(year: 2026, month: 6, day: 26))
        let expectedPath = Support.fixtures + "/golden/" + page
        // Decoded by hand: Foundation's String(contentsOfFile:) drops a BOM, which the CSV must keep.
        let expected = String(decoding: try #require(FileManager.default.contents(atPath: expectedPath)), as: UTF8.self)
        let actual = try #require(built[page], "the build has no \(page)")
        #expect(actual == expected, "\(page) differs from \(expectedPath); run scripts/update-golden if the change is intended")
    }

    @Test func goldenFolderHasNoStrayFiles() throws {
        let folder = Support.fixtures + "/golden"
        let enumerator = FileManager.default.enumerator(atPath: folder)!
        var found: [String] = []
        while let item = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: folder + "/" + item, isDirectory: &isDirectory)
            if !isDirectory.boolValue { found.append(item) }
        }
        #expect(found.sorted() == Self.pages.sorted())
    }
}
