import Foundation

/// The date of the figures (ngày số liệu): the day the classes are computed
/// for. The core never reads the clock; the command line reads it once and
/// hands the day down, so the same inputs and the same day build the same site.
public enum FiguresDate {
    /// Viet Nam keeps UTC+7 all year (no daylight saving since 1975).
    public static let vietnamOffsetSeconds = 7 * 3600

    /// The calendar day in Viet Nam at `epochSeconds` (seconds since
    /// 1970-01-01T00:00:00Z), as `SOURCE_DATE_EPOCH` and the clock give it.
    public static func vietnamDay(epochSeconds: Int) -> CivilDate {
        let local = epochSeconds + vietnamOffsetSeconds
        // Floor division: an instant before 1970 still falls on the right day.
        let day = local >= 0 ? local / 86_400 : -((-local + 86_399) / 86_400)
        return CivilDate(dayNumber: day)
    }

    /// Where the date of the figures comes from, for messages and the README.
    public enum Source: Sendable, Equatable {
        case option, sourceDateEpoch, clock
    }

    /// `--as-of` when given, else `SOURCE_DATE_EPOCH` when set, else today
    /// in Viet Nam from `now` (seconds since the epoch, read by the caller).
    /// Returns a message for the user when a given value cannot be read.
    public static func resolve(option: String?, sourceDateEpoch: String?, now: () -> Int)
        -> Result<(date: CivilDate, source: Source), FiguresDateError> {
        if let option {
            let text = option.trimmingCharacters(in: .whitespaces)
            guard let date = CivilDate(iso: text) ?? DateText.parseDay(text) else {
                return .failure(FiguresDateError(message: "ngày số liệu \"\(option)\" không hợp lệ — viết dạng YYYY-MM-DD, ví dụ 2026-07-15"))
            }
            return .success((date, .option))
        }
        if let epoch = sourceDateEpoch, !epoch.isEmpty {
            guard let seconds = Int(epoch.trimmingCharacters(in: .whitespaces)) else {
                return .failure(FiguresDateError(message: "biến môi trường SOURCE_DATE_EPOCH=\"\(epoch)\" không phải số giây kể từ 01/01/1970 — sửa lại hoặc bỏ biến này"))
            }
            return .success((vietnamDay(epochSeconds: seconds), .sourceDateEpoch))
        }
        return .success((vietnamDay(epochSeconds: now()), .clock))
    }
}

public struct FiguresDateError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}
