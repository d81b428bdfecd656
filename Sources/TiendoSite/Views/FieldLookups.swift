/// Direct field lookups for the view models that templates read thousands of
/// times per page (table rows, badges, bars, cells). The generic `ViewModel`
/// lookup goes through `Mirror`; a switch is an order of magnitude faster.
/// Each switch must name every stored field: `FieldLookupTests` checks them
/// against `Mirror`.

extension BadgeView {
    func value(named name: String) -> TemplateValue? {
        switch name {
        case "css": css.templateValue
        case "symbol": symbol.templateValue
        case "label": label.templateValue
        default: nil
        }
    }
}

extension BarSegment {
    func value(named name: String) -> TemplateValue? {
        switch name {
        case "css": css.templateValue
        case "x": x.templateValue
        case "width": width.templateValue
        default: nil
        }
    }
}

extension ProgressView {
    func value(named name: String) -> TemplateValue? {
        switch name {
        case "segments": segments.templateValue
        case "percent": percent.templateValue
        case "done": done.templateValue
        case "total": total.templateValue
        case "description": description.templateValue
        case "counts": counts.templateValue
        case "onTime": onTime.templateValue
        case "hasTotal": hasTotal.templateValue
        default: nil
        }
    }
}

extension ProgressView.ClassCount {
    func value(named name: String) -> TemplateValue? {
        switch name {
        case "css": css.templateValue
        case "symbol": symbol.templateValue
        case "label": label.templateValue
        case "shortLabel": shortLabel.templateValue
        case "count": count.templateValue
        case "isZero": isZero.templateValue
        default: nil
        }
    }
}

extension DeadlineView {
    func value(named name: String) -> TemplateValue? {
        switch name {
        case "phrase": phrase.templateValue
        case "due": due.templateValue
        case "dueLong": dueLong.templateValue
        case "hasDue": hasDue.templateValue
        case "kindLabel": kindLabel.templateValue
        case "hasDeadline": hasDeadline.templateValue
        case "reference": reference.templateValue
        default: nil
        }
    }
}

extension UnitPageView.UnitTaskRow {
    func value(named name: String) -> TemplateValue? {
        switch name {
        case "directive": directive.templateValue
        case "directiveHref": directiveHref.templateValue
        case "taskID": taskID.templateValue
        case "href": href.templateValue
        case "excerpt": excerpt.templateValue
        case "role": role.templateValue
        case "deadline": deadline.templateValue
        case "badge": badge.templateValue
        case "state": state.templateValue
        case "hasRow": hasRow.templateValue
        case "completed": completed.templateValue
        case "report": report.templateValue
        case "noteHTML": noteHTML.templateValue
        default: nil
        }
    }
}

extension TaskPageView.UnitStatusRow {
    func value(named name: String) -> TemplateValue? {
        switch name {
        case "name": self.name.templateValue
        case "href": href.templateValue
        case "role": role.templateValue
        case "badge": badge.templateValue
        case "state": state.templateValue
        case "completed": completed.templateValue
        case "report": report.templateValue
        case "updated": updated.templateValue
        case "noteHTML": noteHTML.templateValue
        default: nil
        }
    }
}

extension MatrixView.Cell {
    func value(named name: String) -> TemplateValue? {
        switch name {
        case "symbol": symbol.templateValue
        case "css": css.templateValue
        default: nil
        }
    }
}

extension MatrixView.Row {
    func value(named name: String) -> TemplateValue? {
        switch name {
        case "name": self.name.templateValue
        case "href": href.templateValue
        case "cells": cells.templateValue
        default: nil
        }
    }
}

extension UnitLinkView {
    func value(named name: String) -> TemplateValue? {
        switch name {
        case "name": self.name.templateValue
        case "href": href.templateValue
        default: nil
        }
    }
}

extension UnitsView.Row {
    func value(named name: String) -> TemplateValue? {
        switch name {
        case "name": self.name.templateValue
        case "href": href.templateValue
        case "search": search.templateValue
        case "code": code.templateValue
        case "taskCount": taskCount.templateValue
        case "overdue": overdue.templateValue
        case "hasOverdue": hasOverdue.templateValue
        case "progress": progress.templateValue
        default: nil
        }
    }
}
