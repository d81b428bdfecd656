import TiendoCore

/// The event a dated task gets in the site's calendar feeds — the
/// all-tasks feed and every unit's feed write it the same way:
///
///     UID          <directive>-<task>[-<unit>]@tiendo
///     SUMMARY      Hạn nhiệm vụ <id> (<directive>): <short excerpt>
///     DESCRIPTION  Thời hạn: <deadline as written><the feed's status lines>
///
///                  <long excerpt>
///
/// Only the UID suffix, the date and the status lines belong to one feed;
/// the rest, the costly part (excerpts cut at words, then escaped), is the
/// same for a task in every feed that shows it, so it is made once.
enum DeadlineEvent {
    /// The parts every feed shares, for many tasks, laid end to end in one
    /// byte array in the order tasks were added. Feeds list their events in
    /// task order, so writing one reads these bytes front to back instead of
    /// chasing a separate allocation for every part of every event.
    struct SharedParts: Sendable {
        /// Where one task's parts lie in `bytes`. TEXT parts are escaped;
        /// the UID stem is not TEXT and is as written.
        struct Entry: Sendable {
            /// "<directive>-<task slug>", before the feed's own suffix.
            let uidStem: Range<Int>
            let summary: Range<Int>
            /// "Thời hạn: <deadline as written>"
            let descriptionHead: Range<Int>
            /// A blank line, then the long excerpt.
            let descriptionTail: Range<Int>
        }

        private(set) var bytes: [UInt8] = []
        private(set) var entries: [Entry] = []

        /// Adds a task's parts; returns their entry's index, or nil for a
        /// task without a deadline, which has no event.
        mutating func add(_ task: Task, _ context: SiteContext) -> Int? {
            guard let deadline = task.deadline else { return nil }
            func part(_ piece: [UInt8]) -> Range<Int> {
                bytes.append(contentsOf: piece)
                return bytes.count - piece.count..<bytes.count
            }
            entries.append(Entry(
                uidStem: part(Array("\(task.key.directiveID)-\(Slug.task(task.key.taskID))".utf8)),
                summary: part(ICalendar.escaped(
                    "Hạn nhiệm vụ \(task.id) (\(context.directiveShortTitle(task.directiveID))): \(context.excerpt(task, limit: 80))")),
                descriptionHead: part(ICalendar.escaped("Thời hạn: \(deadline.text)")),
                descriptionTail: part(ICalendar.escaped("\n\n" + context.excerpt(task, limit: 600)))))
            return entries.count - 1
        }

        /// Writes the event of the task whose entry is at `index`; `status`
        /// is the feed's escaped status lines, each led by an (escaped) newline.
        func writeEvent(_ index: Int, date: CivilDate, status: [UInt8], feed: FeedParts,
                        into writer: inout ICalendar.Writer) {
            let entry = entries[index]
            bytes.withUnsafeBufferPointer { bytes in
                func part(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: bytes[range]) }
                writer.line("BEGIN:VEVENT")
                writer.append("UID:")
                writer.append(part(entry.uidStem))
                writer.append(feed.uidSuffix)
                writer.endLine()
                writer.line(feed.stampLine)
                writer.append("DTSTART;VALUE=DATE:")
                writer.append(date)
                writer.endLine()
                writer.append("DTEND;VALUE=DATE:")
                writer.append(date.adding(days: 1))
                writer.endLine()
                writer.append("SUMMARY:")
                writer.append(part(entry.summary))
                writer.endLine()
                writer.append("DESCRIPTION:")
                writer.append(part(entry.descriptionHead))
                writer.append(status)
                writer.append(part(entry.descriptionTail))
                writer.endLine()
                writer.line("TRANSP:TRANSPARENT")
                writer.line("END:VEVENT")
            }
        }
    }

    /// What one feed puts in every event, prepared once per feed.
    struct FeedParts {
        /// "@tiendo", or "-<unit slug>@tiendo" in a unit's feed.
        let uidSuffix: [UInt8]
        /// DTSTAMP must exist; the as-of date, not the clock, keeps the
        /// feed byte-identical across rebuilds.
        let stampLine: String

        init(unit: String?, stamp: CivilDate) {
            uidSuffix = Array(((unit.map { "-" + VietnameseText.slug($0) } ?? "") + "@tiendo").utf8)
            stampLine = "DTSTAMP:" + stamp.compact + "T000000Z"
        }
    }

    /// Every task's shared parts, made the first time a feed asks and kept
    /// for the rest of the build: the all-tasks feed and a province's 128
    /// unit feeds then cut and escape each excerpt once, not once per feed. Shared by the
    /// copies of one SiteBuilder, whose tracker never changes, so what is
    /// kept always describes the tracker being built.
    final class Store: @unchecked Sendable {
        struct Parts: Sendable {
            let shared: SharedParts
            /// Entries by task key, as `Tracker.task(_:)` finds tasks: for
            /// a key given twice, the last task.
            let byTask: [TaskKey: Int]
        }

        private let lock = NSLockLike()
        private var parts: Parts?

        func parts(_ tracker: Tracker, _ context: SiteContext) -> Parts {
            lock.locked {
                if let parts { return parts }
                var shared = SharedParts()
                var byTask: [TaskKey: Int] = [:]
                for directive in tracker.directives {
                    for task in directive.tasks {
                        byTask[task.key] = shared.add(task, context)
                    }
                }
                let made = Parts(shared: shared, byTask: byTask)
                parts = made
                return made
            }
        }
    }
}
