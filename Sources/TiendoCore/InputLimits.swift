import TiendoMarkdown

/// Every limit on what tiendo reads from outside, in one place (the README's
/// "Reliability" section lists them). Each is far above what a real office
/// file reaches and low enough that a hostile or broken file is refused
/// quickly, with bounded memory, instead of crashing or hanging a build.
public enum InputLimits {
    /// Container blocks (block quotes, lists, list items) inside one another.
    public static let markdownNesting = Markdown.maximumNesting
    /// One directive file. The longest real plan is about 200 KB.
    public static let directiveBytes = 32 << 20
    /// The status file, CSV or workbook as stored. A status file of ten
    /// million rows (every commune of 34 provinces) is about 930 MB.
    public static let statusBytes = 2 << 30
    /// A workbook part (the worksheet, the shared strings), uncompressed:
    /// both its declared size and what inflating it actually gives.
    public static let workbookPartBytes = 512 << 20
    /// Small workbook parts (workbook, relationships, styles), uncompressed.
    public static let workbookSmallPartBytes = 16 << 20
    /// Files inside a workbook's zip container. Excel writes about a dozen.
    public static let workbookEntries = 10_000
    /// Worksheet rows: Excel's own limit.
    public static let worksheetRows = 1_048_576
    /// Worksheet columns: column IV. A status sheet has eight.
    public static let worksheetColumns = 256
    /// Cells kept in all, counting the empty ones before a far cell.
    public static let worksheetCells = 20_000_000
    /// A cell reference: "XFD1048576" is the longest Excel writes.
    public static let cellReferenceLength = 16
    /// Cells of one HTML table in a directive, counting each cell a merged
    /// cell covers; rows past it are neither read nor shown. A real
    /// appendix has a few thousand.
    public static let htmlTableCells = 100_000
    /// Years a date may fall in. A deadline in year 1 or 9999 is a typing
    /// mistake, and date arithmetic stays safe within these.
    public static let years = CivilDate.supportedYears
    /// Diagnostics of one kind (same severity, file and advice) kept; past
    /// it the rest are counted in one line.
    public static let diagnosticsPerKind = 100
    /// Lines `check` and `build` print; past it one line counts the rest.
    public static let messagesPrinted = 1_000

    /// The error for Markdown nested past `markdownNesting`.
    public static func tooDeep(_ file: String, line: Int) -> Diagnostic {
        .error(file, line: line, "các khối trích dẫn hoặc danh sách lồng nhau quá \(markdownNesting) tầng",
               hint: "bỏ bớt dấu \">\" hoặc thụt lề ở đầu các dòng từ dòng này; văn bản thật không lồng sâu như vậy")
    }

    /// The error for a file larger than `limit` bytes.
    public static func tooLarge(_ file: String, bytes: Int, limit: Int) -> Diagnostic {
        .error(file, "tệp quá lớn (\(megabytes(bytes)) MB, tối đa \(megabytes(limit)) MB)",
               hint: "kiểm tra xem có đúng là tệp này không; tách thành nhiều tệp nhỏ hơn")
    }

    public static func megabytes(_ bytes: Int) -> String { VietnameseNumber.grouped((bytes + (1 << 20) - 1) >> 20) }
}

/// Numbers as Vietnamese readers write them: "3.566.000".
public enum VietnameseNumber {
    public static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out.append(".") }
            out.append(digit)
        }
        return value < 0 ? "-" + out : out
    }
}
