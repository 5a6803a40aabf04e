//! Where a target stands (已完成, 按期推进, 滞后, 暂无数据): the word every floor shares. How a
//! status is worked out is [`crate::dashboard`]'s; how it looks (colour, shape, symbol) is
//! [`crate::chart::STATUS_STYLES`]'s.

use serde::Serialize;

/// Where an indicator stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// 已完成: the latest value meets the target.
    Achieved,
    /// 按期推进: not there yet, but at least as far as the time elapsed since the baseline.
    OnTrack,
    /// 滞后: less far than the time elapsed, or the target year has passed.
    Behind,
    /// 暂无数据: nothing measured since the baseline.
    NoData,
}

impl Status {
    pub const ALL: [Status; 4] = [
        Status::Achieved,
        Status::OnTrack,
        Status::Behind,
        Status::NoData,
    ];

    pub fn class(self) -> &'static str {
        match self {
            Status::Achieved => "achieved",
            Status::OnTrack => "on-track",
            Status::Behind => "behind",
            Status::NoData => "no-data",
        }
    }
}
