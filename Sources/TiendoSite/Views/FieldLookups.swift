/// Direct field lookups for the view models that templates read thousands of
/// times per page (table rows, badges, bars, cells). The generic `ViewModel`
/// lookup goes through `Mirror`; a switch is an order of magnitude faster.
/// Each switch must name every stored field: `FieldLookupTests` checks them
/// against `Mirror`.

extension BadgeView {
    func child(named name: String) -> Any? {
        switch name {
        case "css": css
        case "symbol": symbol
        case "label": label
        default: nil
        }
    }
}

extension BarSegment {
    func child(named name: String) -> Any? {
        switch name {
        case "css": css
        case "x": x
        case "width": width
        default: nil
        }
    }
}

extension ProgressView {
    func child(named name: String) -> Any? {
        switch name {
        case "segments": segments
        case "percent": percent
        case "done": done
        case "total": total
        case "description": description
        case "counts": counts
        case "onTime": onTime
        case "hasTotal": hasTotal
        default: nil
        }
    }
}

extension ProgressView.ClassCount {
    func child(named name: String) -> Any? {
        switch name {
        case "css": css
        case "symbol": symbol
        case "label": label
        case "shortLabel": shortLabel
        case "count": count
        case "isZero": isZero
        default: nil
        }
    }
}

extension DeadlineView {
    func child(named name: String) -> Any? {
        switch name {
        case "phrase": phrase
        case "due": due
        case "dueLong": dueLong
        case "hasDue": hasDue
        case "kindLabel": kindLabel
        case "hasDeadline": hasDeadline
        case "reference": reference
        default: nil
        }
    }
}

extension UnitPageView.UnitTaskRow {
    func child(named name: String) -> Any? {
        switch name {
        case "directive": directive
        case "directiveHref": directiveHref
        case "taskID": taskID
        case "href": href
        case "excerpt": excerpt
        case "role": role
        case "deadline": deadline
        case "badge": badge
        case "state": state
        case "hasRow": hasRow
        case "completed": completed
        case "report": report
        case "noteHTML": noteHTML
        default: nil
        }
    }
}

extension TaskPageView.UnitStatusRow {
    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "href": href
        case "role": role
        case "badge": badge
        case "state": state
        case "completed": completed
        case "report": report
        case "updated": updated
        case "noteHTML": noteHTML
        default: nil
        }
    }
}

extension MatrixView.Cell {
    func child(named name: String) -> Any? {
        switch name {
        case "symbol": symbol
        case "css": css
        default: nil
        }
    }
}

extension MatrixView.Row {
    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "href": href
        case "cells": cells
        default: nil
        }
    }
}

extension UnitLinkView {
    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "href": href
        default: nil
        }
    }
}

extension UnitsView.Row {
    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "href": href
        case "search": search
        case "code": code
        case "taskCount": taskCount
        case "overdue": overdue
        case "hasOverdue": hasOverdue
        case "progress": progress
        default: nil
        }
    }
}
