import ArgumentParser
import Foundation
import TiendoCore
import TiendoSite

/// The site as the child writes it to its standard output: for each file,
/// the path's length (4 bytes), the path, the content's length (8 bytes),
/// the content; lengths big-endian.
enum PreviewFrames {
    static func encode(_ files: [OutputFile], into handle: FileHandle) {
        for file in files {
            var frame: [UInt8] = []
            let path = Array(file.path.utf8)
            append(UInt64(path.count), bytes: 4, to: &frame)
            frame += path
            append(UInt64(file.bytes.count), bytes: 8, to: &frame)
            handle.write(Data(frame))
            handle.write(Data(file.bytes))
        }
    }

    static func decode(_ bytes: [UInt8]) -> [String: [UInt8]]? {
        var files: [String: [UInt8]] = [:]
        var index = 0
        func number(_ count: Int) -> Int? {
            guard index + count <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[index..<(index + count)] { value = value << 8 | Int(byte) }
            index += count
            return value
        }
        while index < bytes.count {
            guard let pathLength = number(4), index + pathLength <= bytes.count else { return nil }
            let path = String(decoding: bytes[index..<(index + pathLength)], as: UTF8.self)
            index += pathLength
            guard let length = number(8), length >= 0, index + length <= bytes.count else { return nil }
            files[path] = Array(bytes[index..<(index + length)])
            index += length
        }
        return files
    }

    private static func append(_ value: UInt64, bytes count: Int, to frame: inout [UInt8]) {
        for shift in stride(from: (count - 1) * 8, through: 0, by: -8) { frame.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
    }
}

/// `tiendo preview-build`: the build `serve` runs in a child process. Not for people.
struct PreviewBuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "preview-build", shouldDisplay: false)

    @OptionGroup var content: ContentOptions

    /// The theme folders layered over the default theme, as `serve` resolved them.
    @Option var theme: [String] = []

    @Option(name: .customLong("recent-days")) var recentDays: Int = 7

    func run() throws {
        // Resolved at every rebuild (each is a new child): a preview left running past midnight ages too.
        let asOfDate: CivilDate
        do { asOfDate = try AsOfArgument.resolve(content.asOf) } catch { Console.error("\(error)"); throw ExitCode(1) }
        let loaded = ContentLoader(contentDirectory: content.content).load(asOf: asOfDate, sheet: content.sheet)
        guard let tracker = loaded.tracker else {
            let problems = loaded.diagnostics.errors.map(\.description).joined(separator: "\n")
            Console.error("Nội dung có lỗi, chưa dựng lại được (trang đang xem là bản trước):\n" + problems)
            throw ExitCode(1)
        }
        for warning in loaded.diagnostics.warnings { Console.error(warning.description) }
        do {
            var builder = SiteBuilder(tracker: tracker, theme: try Theme.layered(over: theme))
            builder.bodySuffix = PreviewBuilder.reloadScript
            builder.recentDays = max(1, recentDays)
            builder.identity = loaded.identity
            let files = builder.build()
            if let path = PathCollision.first(in: files.map(\.path)) {
                Console.error("hai tệp của trang cùng ghi vào \"\(path)\"; chưa dựng lại được (trang đang xem là bản trước)")
                throw ExitCode(1)
            }
            PreviewFrames.encode(files, into: FileHandle.standardOutput)
        } catch let error as ExitCode {
            throw error
        } catch {
            Console.error("\(error)")
            throw ExitCode(1)
        }
    }
}
