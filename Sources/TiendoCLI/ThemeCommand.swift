import ArgumentParser
import TiendoSite

/// `tiendo theme --export DIR`: the default theme compiled into tiendo,
/// written out for restyling. Keep only the files you change: the rest
/// still comes from the default.
struct ThemeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "theme",
        abstract: "Ghi giao diện mặc định ra một thư mục để sửa (--export DIR).",
        discussion: """
        Giao diện mặc định nằm sẵn trong tiendo. Một thư mục theme/ cạnh thư mục nội dung, hoặc --theme DIR \
        khi dựng trang, chỉ cần chứa những tệp muốn thay (ví dụ assets/style.css): các tệp khác lấy từ giao diện mặc định.
        """)

    @Option(name: .long, help: ArgumentHelp("Thư mục để ghi giao diện mặc định (không ghi đè tệp đã có).", valueName: "DIR"))
    var export: String

    func run() throws {
        do {
            let written = try Theme.exportDefault(to: export)
            Console.error("Đã ghi \(written.count) tệp của giao diện mặc định vào \(export)/")
        } catch {
            throw CommandFailure("\(error)")
        }
    }
}
