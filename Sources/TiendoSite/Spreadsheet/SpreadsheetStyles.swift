/// The workbook's one fixed style sheet: a number format per column kind,
/// each locked and unlocked (for protected sheets), and the header style.
/// Fixed, so the same cells always get the same style numbers.
enum SpreadsheetStyles {
    /// The cell style of a kind of column.
    static func index(_ kind: SpreadsheetColumn.Kind, locked: Bool) -> Int {
        kind.rawValue + (locked ? 0 : kinds)
    }

    /// Bold on a pale fill, wrapped: long headers take two lines, not a wide column.
    static var header: Int { 2 * kinds }

    static let kinds = SpreadsheetColumn.Kind.allCases.count

    static func numberFormat(_ kind: SpreadsheetColumn.Kind) -> Int {
        switch kind {
        case .general: 0
        case .text: 49
        case .date: 164
        case .integer: 1
        case .decimal: 165
        }
    }

    static let xml: String = {
        var formats: [String] = []
        for locked in [true, false] {
            for kind in SpreadsheetColumn.Kind.allCases {
                let format = numberFormat(kind)
                let protection = locked ? "/>" : #" applyProtection="1"><protection locked="0"/></xf>"#
                formats.append(#"<xf numFmtId="\#(format)" fontId="0" fillId="0" borderId="0" xfId="0""#
                               + (format == 0 ? "" : #" applyNumberFormat="1""#) + protection)
            }
        }
        formats.append(#"<xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>"#)
        return SpreadsheetXML.declaration
            + #"<styleSheet xmlns="\#(SpreadsheetXML.mainNamespace)">"#
            + #"<numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="0.0"/></numFmts>"#
            + #"<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>"#
            + #"<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>"#
            + #"<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>"#
            + #"<fill><patternFill patternType="solid"><fgColor rgb="FFDDEBF7"/><bgColor indexed="64"/></patternFill></fill></fills>"#
            + #"<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>"#
            + #"<border><left/><right/><top/><bottom style="thin"><color auto="1"/></bottom><diagonal/></border></borders>"#
            + #"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#
            + #"<cellXfs count="\#(formats.count)">"# + formats.joined() + "</cellXfs>"
            + #"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>"#
            + "</styleSheet>"
    }()
}
