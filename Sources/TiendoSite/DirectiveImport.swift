import Foundation
import TiendoCore
import TiendoOffice

/// `tiendo import`: a Word document as the office receives it, turned into a
/// directive file of content/directives/. The text comes from TiendoOffice;
/// what the header says (number, date, issuer, kind, subject, signer) is
/// read by the same directive reader the build uses and written into the
/// front matter, where the clerk can see and correct it.
public struct DirectiveImport: Sendable {
    public var id: String
    /// content/directives/<id>.md
    public var path: String
    /// The whole file: front matter, then the body.
    public var text: String
    public var conversion: WordConversion
    public var metadata: DirectiveMetadata

    public enum Failure: Error, Equatable, CustomStringConvertible {
        case unreadable(WordImportError)
        case badID(String)
        case exists(String)
        case cannotWrite(String, String)

        public var description: String {
            switch self {
            case .unreadable(let error): return error.description
            case .badID(let id):
                return "mã văn bản \"\(id)\" không dùng được — chỉ dùng chữ thường không dấu, chữ số và dấu gạch ngang, ví dụ --id ke-hoach-144"
            case .exists(let path):
                return "\(path) đã có — thêm --force để ghi đè, hoặc chọn mã khác bằng --id"
            case .cannotWrite(let path, let reason):
                return "không ghi được \(path) (\(reason)) — kiểm tra quyền ghi vào thư mục nội dung"
            }
        }
    }

    /// Reads `data` (the bytes of `fileName`) and prepares the directive file, without writing.
    public static func prepare(_ data: Data, fileName: String, contentDirectory: String, id requestedID: String?,
                               register: UnitRegister, limits: OfficeLimits = .standard) -> Result<DirectiveImport, Failure> {
        let conversion: WordConversion
        do {
            conversion = try WordDocument.convert(data, limits: limits)
        } catch {
            return .failure(.unreadable(error))
        }
        let body = conversion.markdown
        let stem = ((fileName as NSString).lastPathComponent as NSString).deletingPathExtension
        // What the header says, read as the build will read it.
        let reading = DirectiveReader(register: register).read(body, file: fileName, defaultID: "van-ban", renderHTML: false)
        let metadata = reading.directive.metadata
        let id: String
        if let requestedID {
            guard Slug.isSafeID(requestedID) else { return .failure(.badID(requestedID)) }
            id = requestedID
        } else if let number = metadata.number, !metadata.isNumberBlank {
            id = Slug.safeID(number)
        } else {
            id = Slug.safeID(stem)
        }
        let folder = (contentDirectory as NSString).appendingPathComponent(ContentLoader.directivesFolder)
        let path = (folder as NSString).appendingPathComponent(id + ".md")
        // NFC throughout: the body is already; a file name from a Mac may not be.
        let text = (frontMatter(id: id, source: (fileName as NSString).lastPathComponent, metadata: metadata) + "\n" + body)
            .precomposedStringWithCanonicalMapping
        return .success(DirectiveImport(id: id, path: path, text: text, conversion: conversion, metadata: metadata))
    }

    /// Writes the file: refused when it exists unless `force`; written
    /// beside it and renamed, so a failure never leaves half a directive.
    public func write(force: Bool) -> Result<Void, Failure> {
        let manager = FileManager.default
        if manager.fileExists(atPath: path), !force { return .failure(.exists(path)) }
        let folder = PathText.parent(of: path)
        let temporary = PathText.join(folder, ".\(id).md.tmp-\(getpid())")
        do {
            if !folder.isEmpty { try manager.createDirectory(atPath: folder, withIntermediateDirectories: true) }
            try Data(text.utf8).write(to: URL(fileURLWithPath: temporary))
            if rename(temporary, path) != 0 {
                let reason = String(cString: strerror(errno))
                try? manager.removeItem(atPath: temporary)
                return .failure(.cannotWrite(path, reason))
            }
        } catch {
            try? manager.removeItem(atPath: temporary)
            return .failure(.cannotWrite(path, error.localizedDescription))
        }
        return .success(())
    }

    /// The front matter: only what the document shows; a blank stays out,
    /// so the site shows it as blank rather than as an invented value.
    static func frontMatter(id: String, source: String, metadata: DirectiveMetadata) -> String {
        var lines = ["---", "# Nhập từ \(yamlComment(source)) bằng tiendo import. Sửa ở đây nếu đọc sai.", "id: \(id)"]
        if let number = metadata.number, !metadata.isNumberBlank { lines.append("number: " + quoted(number)) }
        if let date = metadata.date { lines.append("date: \(date.iso)") }
        if let issuer = metadata.issuer, !issuer.isEmpty { lines.append("issuer: " + quoted(issuer)) }
        if let kind = metadata.kind, !kind.isEmpty { lines.append("kind: " + quoted(kind)) }
        if let subject = metadata.subject, !subject.isEmpty { lines.append("subject: " + quoted(subject)) }
        if let signer = metadata.signature?.name, !signer.isEmpty { lines.append("signer: " + quoted(signer)) }
        lines.append("---")
        return lines.joined(separator: "\n") + "\n"
    }

    /// A YAML double-quoted scalar on one line.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in VietnameseText.collapseSpaces(text).unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: out += String(format: "\\x%02X", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    static func yamlComment(_ text: String) -> String {
        String(text.unicodeScalars.filter { $0.value >= 0x20 && $0 != "\u{7F}" }.map(Character.init))
    }
}
