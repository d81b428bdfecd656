import ArgumentParser

/// The `tiendo` command: a thin layer over the site and core libraries.
@available(macOS 10.15, *)
public struct TiendoCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "tiendo",
        abstract: "Theo dõi tiến độ thực hiện văn bản chỉ đạo: dựng trang web tĩnh từ văn bản và tệp trạng thái.",
        discussion: """
        Thư mục nội dung (mặc định: content/) gồm units.yaml (danh sách đơn vị), \
        directives/*.md (văn bản chỉ đạo) và status.csv (trạng thái từng nhiệm vụ, từng đơn vị).
        """,
        subcommands: [BuildCommand.self, ServeCommand.self, CheckCommand.self, TasksCommand.self, TemplateCommand.self,
                      ImportCommand.self],
        defaultSubcommand: nil)

    public init() {}
}

/// Options every command that reads content shares.
struct ContentOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Thư mục nội dung.", valueName: "DIR"))
    var content: String = "content"

    @Option(name: .customLong("as-of"), help: ArgumentHelp(
        "Ngày số liệu (YYYY-MM-DD): ngày tính tình trạng quá hạn. Mặc định: hôm nay theo giờ Việt Nam, hoặc ngày của biến SOURCE_DATE_EPOCH nếu có.", valueName: "YYYY-MM-DD"))
    var asOf: String?

    @Option(name: .long, help: ArgumentHelp("Tên trang tính trong status.xlsx (mặc định: trang đầu tiên).", valueName: "NAME"))
    var sheet: String?
}

extension TiendoCommand {
    /// Parses the command line and runs the command, awaiting async ones
    /// (`serve`). Called explicitly because overload resolution in a
    /// main.swift may pick ParsableCommand's synchronous `main()`.
    public static func runFromCommandLine() async {
        do {
            var command = try await asyncParseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }
}
