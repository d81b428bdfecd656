import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Runs the built `tiendo` binary, for tests of what only a whole process
/// shows: the preview server, and builds killed mid-way.
enum TiendoProcess {
    /// `swift test` builds the executable beside the test bundle.
    static var executable: String {
        URL(fileURLWithPath: Bundle.module.bundlePath).deletingLastPathComponent().appendingPathComponent("tiendo").path
    }

    static func start(_ arguments: [String], stderr: Pipe? = nil, in folder: String? = nil) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = URL(fileURLWithPath: folder, isDirectory: true) }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = stderr ?? FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Runs to completion; returns the exit status.
    @discardableResult
    static func run(_ arguments: [String], in folder: String? = nil) throws -> Int32 {
        let process = try start(arguments, in: folder)
        process.waitUntilExit()
        return process.terminationStatus
    }
}

/// Reads lines from a pipe until one matches, with a deadline.
final class LineReader: @unchecked Sendable {
    // Bytes, decoded only when read: a chunk may end inside a UTF-8 sequence.
    private var buffer = Data()
    private let lock = NSLock()

    init(_ pipe: Pipe) {
        pipe.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            guard let self, !data.isEmpty else { return }
            self.lock.lock()
            self.buffer.append(data)
            self.lock.unlock()
        }
    }

    var text: String {
        lock.lock()
        defer { lock.unlock() }
        return String(decoding: buffer, as: UTF8.self)
    }

    func wait(for needle: String, seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if text.contains(needle) { return true }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return text.contains(needle)
    }
}

enum HTTP {
    struct Response {
        let status: Int
        let contentType: String
        let body: String
    }

    static func get(_ url: String) async throws -> Response {
        var request = URLRequest(url: URL(string: url)!)
        request.cachePolicy = .reloadIgnoringLocalCacheData
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = response as! HTTPURLResponse
        return Response(status: http.statusCode, contentType: http.value(forHTTPHeaderField: "Content-Type") ?? "",
                        body: String(decoding: data, as: UTF8.self))
    }
}
