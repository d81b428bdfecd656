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
        case "statusClass": statusClass.templateValue
        case "reported": reported.templateValue
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
        case "silent": silent.templateValue
        case "hasSilent": hasSilent.templateValue
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
        case "statusClass": statusClass.templateValue
        case "silent": silent.templateValue
        case "hasSilent": hasSilent.templateValue
        default: nil
        }
    }
}

extension DeadlineView {
    func value(named name: String) -> TemplateValue? {
        switch name {
        case "phrase": phrase.templateValue
        case "phraseHTML": phraseHTML.templateValue
        case "due": due.templateValue
        case "dueLong": dueLong.templateValue
        case "hasDue": hasDue.templateValue
        case "kindLabel": kindLabel.templateValue
        case "hasDeadline": hasDeadline.templateValue
        case "reference": reference.templateValue
        case "referenceHTML": referenceHTML.templateValue
        case "hasReference": hasReference.templateValue
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
        case "excerptHTML": excerptHTML.templateValue
        case "role": role.templateValue
        case "isPartner": isPartner.templateValue
        case "deadline": deadline.templateValue
        case "badge": badge.templateValue
        case "state": state.templateValue
        case "hasRow": hasRow.templateValue
        case "daysLeft": daysLeft.templateValue
        case "completed": completed.templateValue
        case "report": report.templateValue
        case "hasCompleted": hasCompleted.templateValue
        case "hasReport": hasReport.templateValue
        case "noteHTML": noteHTML.templateValue
        case "reports": reports.templateValue
        case "hasHistory": hasHistory.templateValue
        default: nil
        }
    }
}

extension UnitPageView.ReportEntry {
    func value(named name: String) -> TemplateValue? {
        switch name {
        case "date": date.templateValue
        case "state": state.templateValue
        case "report": report.templateValue
        case "late": late.templateValue
        case "hasReport": hasReport.templateValue
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
        case "hasState": hasState.templateValue
        case "completed": completed.templateValue
        case "report": report.templateValue
        case "hasCompleted": hasCompleted.templateValue
        case "hasReport": hasReport.templateValue
        case "updated": updated.templateValue
        case "noteHTML": noteHTML.templateValue
        case "firstReported": firstReported.templateValue
        case "finished": finished.templateValue
        case "hasFirstReported": hasFirstReported.templateValue
        case "hasFinished": hasFinished.templateValue
        default: nil
        }
    }
}

extension MatrixView.Cell {
    func value(named name: String) -> TemplateValue? {
        switch name {
        case "symbol": symbol.templateValue
        case "css": css.templateValue
        case "statusClass": statusClass.templateValue
        case "reported": reported.templateValue
        case "label": label.templateValue
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
        case "overdueSilent": overdueSilent.templateValue
        case "hasOverdueSilent": hasOverdueSilent.templateValue
        case "progress": progress.templateValue
        default: nil
        }
    }
}

extension TaskPageView {
    func value(named name: String) -> TemplateValue? {
        switch name {
        case "id": self.id.templateValue
        case "directiveTitle": directiveTitle.templateValue
        case "directiveHref": directiveHref.templateValue
        case "inTextHref": inTextHref.templateValue
        case "section": section.templateValue
        case "hasSection": hasSection.templateValue
        case "textHTML": textHTML.templateValue
        case "deadline": deadline.templateValue
        case "consolidator": consolidator.templateValue
        case "consolidatorHref": consolidatorHref.templateValue
        case "hasConsolidator": hasConsolidator.templateValue
        case "consolidatorHasPage": consolidatorHasPage.templateValue
        case "assignees": assignees.templateValue
        case "references": references.templateValue
        case "referencesHTML": referencesHTML.templateValue
        case "hasReferences": hasReferences.templateValue
        case "progress": progress.templateValue
        case "timeline": timeline.templateValue
        case "rows": rows.templateValue
        case "unitCount": unitCount.templateValue
        case "hasPartners": hasPartners.templateValue
        case "hasNotes": hasNotes.templateValue
        case "allLead": allLead.templateValue
        case "classChoices": classChoices.templateValue
        default: nil
        }
    }
}

extension SiteBuilder.LayoutView {
    func value(named name: String) -> TemplateValue? {
        switch name {
        case "title": title.templateValue
        case "siteName": siteName.templateValue
        case "agency": agency.templateValue
        case "hasAgency": hasAgency.templateValue
        case "contact": contact.templateValue
        case "hasContact": hasContact.templateValue
        case "pageKind": pageKind.templateValue
        case "landscape": landscape.templateValue
        case "root": root.templateValue
        case "stylesheet": stylesheet.templateValue
        case "script": script.templateValue
        case "nav": nav.templateValue
        case "content": content.templateValue
        case "asOf": asOf.templateValue
        case "hasAsOf": hasAsOf.templateValue
        case "dataUpdated": dataUpdated.templateValue
        case "bodySuffix": bodySuffix.templateValue
        default: nil
        }
    }
}

extension SiteBuilder.NavItem {
    func value(named name: String) -> TemplateValue? {
        switch name {
        case "label": label.templateValue
        case "href": href.templateValue
        case "current": current.templateValue
        default: nil
        }
    }
}

extension MatrixView.Column {
    func value(named name: String) -> TemplateValue? {
        switch name {
        case "id": self.id.templateValue
        case "href": href.templateValue
        case "title": title.templateValue
        case "due": due.templateValue
        case "hasDue": hasDue.templateValue
        default: nil
        }
    }
}

extension AssigneeView {
    func value(named name: String) -> TemplateValue? {
        switch name {
        case "name": self.name.templateValue
        case "href": href.templateValue
        case "hasPage": hasPage.templateValue
        case "role": role.templateValue
        case "isGroup": isGroup.templateValue
        case "memberCount": memberCount.templateValue
        default: nil
        }
    }
}

extension CalendarView.Item {
    func value(named name: String) -> TemplateValue? {
        switch name {
        case "taskID": taskID.templateValue
        case "href": href.templateValue
        case "directive": directive.templateValue
        case "phrase": phrase.templateValue
        case "phraseHTML": phraseHTML.templateValue
        case "excerpt": excerpt.templateValue
        case "excerptHTML": excerptHTML.templateValue
        case "counts": counts.templateValue
        case "summary": summary.templateValue
        default: nil
        }
    }
}

extension ProgressPageView.TaskRow {
    func value(named name: String) -> TemplateValue? {
        switch name {
        case "directiveID": directiveID.templateValue
        case "directive": directive.templateValue
        case "taskID": taskID.templateValue
        case "href": href.templateValue
        case "excerpt": excerpt.templateValue
        case "excerptHTML": excerptHTML.templateValue
        case "due": due.templateValue
        case "counts": counts.templateValue
        case "total": total.templateValue
        case "percent": percent.templateValue
        case "onTime": onTime.templateValue
        case "progress": progress.templateValue
        default: nil
        }
    }
}

extension DirectiveView.TaskRow {
    func value(named name: String) -> TemplateValue? {
        switch name {
        case "id": self.id.templateValue
        case "href": href.templateValue
        case "anchorHref": anchorHref.templateValue
        case "excerpt": excerpt.templateValue
        case "excerptHTML": excerptHTML.templateValue
        case "assignees": assignees.templateValue
        case "deadline": deadline.templateValue
        case "progress": progress.templateValue
        default: nil
        }
    }
}

extension CalendarView.Day {
    func value(named name: String) -> TemplateValue? {
        switch name {
        case "day": day.templateValue
        case "isBlank": isBlank.templateValue
        case "isAsOf": isAsOf.templateValue
        case "isWeekend": isWeekend.templateValue
        case "hasItems": hasItems.templateValue
        case "items": items.templateValue
        case "label": label.templateValue
        default: nil
        }
    }
}

extension HomeView.OverdueTask {
    func value(named name: String) -> TemplateValue? {
        switch name {
        case "directiveID": directiveID.templateValue
        case "taskID": taskID.templateValue
        case "href": href.templateValue
        case "directive": directive.templateValue
        case "excerpt": excerpt.templateValue
        case "due": due.templateValue
        case "phrase": phrase.templateValue
        case "count": count.templateValue
        case "silent": silent.templateValue
        case "hasSilent": hasSilent.templateValue
        case "units": units.templateValue
        case "more": more.templateValue
        case "hasMore": hasMore.templateValue
        default: nil
        }
    }
}

// The timeline chart (a segment per class per date) and the unit page
// itself: read through Mirror they were a tenth of a build.

extension TimelineView {
    func value(named name: String) -> TemplateValue? {
        switch name {
        case "caption": caption.templateValue
        case "summary": summary.templateValue
        case "width": width.templateValue
        case "segments": segments.templateValue
        case "firstDate": firstDate.templateValue
        case "lastDate": lastDate.templateValue
        case "headers": headers.templateValue
        case "rows": rows.templateValue
        case "note": note.templateValue
        case "hasNote": hasNote.templateValue
        default: nil
        }
    }
}

extension TimelineView.Segment {
    func value(named name: String) -> TemplateValue? {
        switch name {
        case "css": css.templateValue
        case "x": x.templateValue
        case "y": y.templateValue
        case "height": height.templateValue
        default: nil
        }
    }
}

extension TimelineView.Header {
    func value(named name: String) -> TemplateValue? {
        switch name {
        case "label": label.templateValue
        default: nil
        }
    }
}

extension TimelineView.Row {
    func value(named name: String) -> TemplateValue? {
        switch name {
        case "iso": iso.templateValue
        case "date": date.templateValue
        case "cells": cells.templateValue
        case "total": total.templateValue
        default: nil
        }
    }
}

extension TimelineView.Cell {
    func value(named name: String) -> TemplateValue? {
        switch name {
        case "statusClass": statusClass.templateValue
        case "count": count.templateValue
        default: nil
        }
    }
}

extension UnitPageView {
    func value(named name: String) -> TemplateValue? {
        switch name {
        case "name": self.name.templateValue
        case "code": code.templateValue
        case "typeLabel": typeLabel.templateValue
        case "aliases": aliases.templateValue
        case "hasAliases": hasAliases.templateValue
        case "feedHref": feedHref.templateValue
        case "workbookHref": workbookHref.templateValue
        case "reportSheetHref": reportSheetHref.templateValue
        case "progress": progress.templateValue
        case "tasks": tasks.templateValue
        case "taskGroups": taskGroups.templateValue
        case "hasTasks": hasTasks.templateValue
        case "hasNotes": hasNotes.templateValue
        case "soonDays": soonDays.templateValue
        case "upcoming": upcoming.templateValue
        case "hasUpcoming": hasUpcoming.templateValue
        case "upcomingDays": upcomingDays.templateValue
        case "consolidated": consolidated.templateValue
        case "isConsolidator": isConsolidator.templateValue
        default: nil
        }
    }
}

extension UnitPageView.TaskGroup {
    func value(named name: String) -> TemplateValue? {
        switch name {
        case "title": title.templateValue
        case "count": count.templateValue
        case "rows": rows.templateValue
        default: nil
        }
    }
}
