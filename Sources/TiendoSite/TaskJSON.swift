import TiendoCore

/// The JSON of `tiendo tasks --json`: one object per task with exactly the
/// keys the README documents.
public enum TaskJSON {
    public static func value(for task: Task) -> JSONValue {
        .object([
            ("directive", .string(task.directiveID)),
            ("id", .string(task.id)),
            ("section", .string(task.section)),
            ("text", .string(task.text)),
            ("assignees", .array(task.assignees.map { assignee in
                .object([("name", .string(assignee.name)), ("code", .optional(assignee.code)),
                         ("role", .string(assignee.role.rawValue))])
            })),
            ("units", .array(task.units.map(JSONValue.string))),
            ("deadline", task.deadline.map { deadline in
                .object([("text", .string(deadline.text)), ("kind", .string(deadline.kind.rawValue)),
                         ("due", .optional(deadline.due?.iso))])
            } ?? .null),
            ("consolidator", task.consolidator.map { consolidator in
                .object([("name", .string(consolidator.name)), ("code", .optional(consolidator.code))])
            } ?? .null),
        ])
    }

    public static func document(_ tasks: [Task]) -> String {
        JSONValue.array(tasks.map(value(for:))).serialized(pretty: true)
    }
}
