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
struct DeadlineEvent {
    /// The parts of a task's event that every feed shares, escaped as TEXT
    /// where the feed writes them escaped.
    struct TaskParts: Sendable {
        /// The UID up to the feed's suffix; UIDs are not TEXT, so not escaped.
        let uidStem: [UInt8]
        let summary: [UInt8]
        /// "Thời hạn: <deadline as written>"
        let descriptionHead: [UInt8]
        /// A blank line, then the long excerpt.
        let descriptionTail: [UInt8]

        /// Nil for a task without a deadline: it has no event.
        init?(_ task: Task, _ context: SiteContext) {
            guard let deadline = task.deadline else { return nil }
            uidStem = Array("\(task.key.directiveID)-\(Slug.task(task.key.taskID))".utf8)
            summary = ICalendar.escaped(
                "Hạn nhiệm vụ \(task.id) (\(context.directiveShortTitle(task.directiveID))): \(context.excerpt(task, limit: 80))")
            descriptionHead = ICalendar.escaped("Thời hạn: \(deadline.text)")
            descriptionTail = ICalendar.escaped("\n\n" + context.excerpt(task, limit: 600))
        }
    }

    /// What one feed puts in every event, prepared once per feed.
    struct FeedParts {
        /// "@tiendo", or "-<unit slug>@tiendo" in a unit's feed.
        let uidSuffix: [UInt8]
        let stampLine: String

        init(unit: String?, stamp: CivilDate) {
            uidSuffix = Array(((unit.map { "-" + VietnameseText.slug($0) } ?? "") + "@tiendo").utf8)
            stampLine = "DTSTAMP:" + stamp.compact + "T000000Z"
        }
    }

    /// Writes the event; `status` is the feed's escaped status lines, each
    /// led by an (escaped) newline.
    static func write(_ task: TaskParts, date: CivilDate, status: [UInt8], feed: FeedParts,
                      into writer: inout ICalendar.Writer) {
        writer.line("BEGIN:VEVENT")
        writer.append("UID:")
        writer.append(task.uidStem)
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
        writer.append(task.summary)
        writer.endLine()
        writer.append("DESCRIPTION:")
        writer.append(task.descriptionHead)
        writer.append(status)
        writer.append(task.descriptionTail)
        writer.endLine()
        writer.line("TRANSP:TRANSPARENT")
        writer.line("END:VEVENT")
    }

    /// Every task's shared parts, made the first time a feed asks and kept
    /// for the rest of the build: a province's 128 unit feeds then cut and
    /// escape each excerpt once instead of once per unit. Shared by the
    /// copies of one SiteBuilder, whose tracker never changes, so what is
    /// kept always describes the tracker being built.
    final class Store: @unchecked Sendable {
        private let lock = NSLockLike()
        private var byTask: [TaskKey: TaskParts]?

        /// The parts of each task with a deadline, by key — as
        /// `Tracker.task(_:)` finds tasks.
        func parts(_ tracker: Tracker, _ context: SiteContext) -> [TaskKey: TaskParts] {
            lock.locked {
                if let byTask { return byTask }
                var made: [TaskKey: TaskParts] = [:]
                made.reserveCapacity(tracker.tasksByKey.count)
                for (key, task) in tracker.tasksByKey { made[key] = TaskParts(task, context) }
                byTask = made
                return made
            }
        }
    }
}
