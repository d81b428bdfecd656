/// Why a file could not be read as a Word document, in words a clerk can act
/// on. Equatable so tests compare whole errors, never substrings.
public enum WordImportError: Error, Equatable, Sendable, CustomStringConvertible {
    case empty
    case tooLarge(limit: Int)
    case pdf
    case legacyWord
    case encrypted
    case otherCompoundFile
    case rtf
    case notZip
    case damagedZip(String)
    case notWordDocument
    case tooManyEntries(limit: Int)
    case partTooLarge(part: String, limit: Int)
    case totalTooLarge(limit: Int)
    case declarationRefused(part: String)
    case malformedXML(part: String, line: Int, detail: String)
    case noBodyText

    public var description: String {
        switch self {
        case .empty:
            return "tệp rỗng (0 byte) — lấy lại tệp .docx từ thư điện tử hoặc hệ thống quản lý văn bản"
        case .tooLarge(let limit):
            return "tệp lớn hơn \(Self.megabytes(limit)) MB, quá lớn với một văn bản chỉ đạo — kiểm tra lại đúng tệp chưa; nếu văn bản có nhiều ảnh, xóa ảnh rồi lưu lại"
        case .pdf:
            return "đây là tệp PDF; tiendo chỉ đọc văn bản Word (.docx) — xin bản Word của văn bản, hoặc chép nội dung vào một tệp Markdown trong content/directives/"
        case .legacyWord:
            return "đây là tệp Word cũ (.doc), tiendo chỉ đọc .docx — mở tệp bằng Word, chọn Tệp > Lưu thành > Word Document (.docx) (File > Save As > Word Document), rồi nhập tệp .docx mới"
        case .encrypted:
            return "tệp Word được đặt mật khẩu nên không đọc được — mở bằng Word, gỡ mật khẩu (Tệp > Thông tin > Bảo vệ tài liệu > Mã hóa bằng mật khẩu, xóa mật khẩu), lưu lại rồi nhập lại"
        case .otherCompoundFile:
            return "đây là tệp Office kiểu cũ, không phải văn bản Word .docx — mở bằng Word và lưu thành Word Document (.docx)"
        case .rtf:
            return "đây là tệp RTF, không phải .docx — mở bằng Word, chọn Tệp > Lưu thành > Word Document (.docx)"
        case .notZip:
            return "tệp không phải văn bản Word .docx (không phải tệp nén Office) — kiểm tra lại đúng tệp chưa; tiendo chỉ đọc .docx"
        case .damagedZip(let detail):
            return "tệp .docx bị hỏng (\(detail)) — mở bằng Word và lưu lại, hoặc xin gửi lại tệp"
        case .notWordDocument:
            return "tệp nén này không phải văn bản Word (không có word/document.xml) — có thể là bảng tính hay trình chiếu; tiendo chỉ nhập văn bản Word .docx"
        case .tooManyEntries(let limit):
            return "tệp .docx có hơn \(limit) thành phần, không giống một văn bản thật — không đọc (có thể là tệp độc hại); xin gửi lại tệp"
        case .partTooLarge(let part, let limit):
            return "phần \(part) khi giải nén lớn hơn \(Self.megabytes(limit)) MB — không đọc (có thể là tệp độc hại, \"bom nén\"); xin gửi lại tệp"
        case .totalTooLarge(let limit):
            return "nội dung khi giải nén lớn hơn \(Self.megabytes(limit)) MB — không đọc (có thể là tệp độc hại, \"bom nén\"); xin gửi lại tệp"
        case .declarationRefused(let part):
            return "phần \(part) có khai báo DTD/thực thể XML, điều Word không bao giờ viết — không đọc (có thể là tệp độc hại); mở bằng Word và lưu lại"
        case .malformedXML(let part, let line, let detail):
            return "phần \(part) dòng \(line) không phải XML hợp lệ (\(detail)) — mở bằng Word và lưu lại"
        case .noBodyText:
            return "văn bản không có chữ nào trong thân (có thể chỉ có ảnh chụp hoặc là bản quét) — xin bản Word có nội dung chữ"
        }
    }

    static func megabytes(_ bytes: Int) -> Int { max(1, bytes >> 20) }

    /// A zip whose structures point outside it, in the words the .docx
    /// reader gives (the workbook reader words the same problems its own way).
    static func damaged(_ problem: ZipDirectory.Problem) -> WordImportError {
        switch problem {
        case .tooShort, .noEndRecord: .damagedZip("thiếu phần cuối tệp nén")
        case .zip64: .damagedZip("dạng ZIP64")
        case .directoryOutside, .directoryCutOff: .damagedZip("mục lục tệp nén nằm ngoài tệp")
        case .directoryDamaged: .damagedZip("mục lục tệp nén bị hỏng")
        case .entryOutside, .entryCutOff: .damagedZip("một thành phần nằm ngoài tệp")
        }
    }
}
