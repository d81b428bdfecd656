import TiendoCore

/// "Tiến độ theo thời gian": the share of pairs in each class at each date
/// of a `ProgressTimeline` series, drawn as stacked columns in inline SVG
/// (no script, no outside library), with the same figures as a table for
/// screen readers and print. The figures are the core's replay; this only
/// lays them out.
struct TimelineView: ViewModel {
    let caption: String
    /// The chart in words, for screen readers that do not open the table.
    let summary: String
    let width: Int
    let segments: [Segment]
    let firstDate: String
    let lastDate: String
    let headers: [Header]
    let rows: [Row]
    /// Said under the chart when it stops before the date of the figures.
    let note: String
    let hasNote: Bool

    struct Segment: ViewModel {
        let css: String
        let x: Int
        let y: String
        let height: String
    }

    struct Header: ViewModel {
        let label: String
    }

    struct Row: ViewModel {
        let iso: String
        let date: String
        let cells: [Cell]
        let total: Int
    }

    struct Cell: ViewModel {
        let statusClass: String
        let count: Int
    }

    /// Columns are 10 units wide with a gap of 2; the height is 100 (percent).
    init(caption: String, dates: [CivilDate], counts: [TiendoCore.Progress], asOf: CivilDate) {
        self.caption = caption
        var segments: [Segment] = []
        for (index, progress) in counts.enumerated() where progress.total > 0 {
            var y = 100.0
            for statusClass in statusOrder {
                let count = progress.count(statusClass)
                guard count > 0 else { continue }
                let height = Double(count) * 100 / Double(progress.total)
                y -= height
                segments.append(Segment(css: "st-" + statusClass.rawValue, x: index * 12,
                                        y: Format.decimal(max(0, y)), height: Format.decimal(height)))
            }
        }
        self.segments = segments
        width = max(12 * counts.count - 2, 10)
        firstDate = dates.first?.vietnamese ?? ""
        lastDate = dates.last?.vietnamese ?? ""
        headers = statusOrder.map { Header(label: $0.shortLabel) }
        rows = zip(dates, counts).map { date, progress in
            Row(iso: date.iso, date: date.vietnamese,
                cells: statusOrder.map { Cell(statusClass: $0.rawValue, count: progress.count($0)) }, total: progress.total)
        }
        let last = counts.last ?? TiendoCore.Progress()
        summary = "Tỉ lệ từng tình trạng từ \(firstDate) đến \(lastDate); ngày \(lastDate): "
            + statusOrder.map { "\($0.label) \(last.count($0))" }.joined(separator: ", ") + "."
        if let end = dates.last, end < asOf {
            note = "Không có thay đổi nào sau ngày \(end.vietnamese): số liệu từ đó đến nay giữ nguyên."
        } else {
            note = ""
        }
        hasNote = !note.isEmpty
    }
}
