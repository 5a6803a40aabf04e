//! The foot of every page: the site's registrations, each linked to the register a reader checks
//! it in, as Chinese government sites do.

use serde::Serialize;

use crate::config::Footer;

/// Where ICP numbers (ICP备案号) are looked up: MIIT's register has no per-number address.
pub(crate) const ICP_REGISTER: &str = "https://beian.miit.gov.cn/";

/// Where public-security numbers (公安备案号) are looked up, by the digits of the number.
pub(crate) const POLICE_REGISTER: &str = "https://beian.mps.gov.cn/#/query/webSearch?code=";

/// `config.footer` as templates see it: the settings, and the registers' addresses.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct FooterView<'a> {
    #[serde(flatten)]
    pub footer: &'a Footer,
    /// The ICP register, when `icp` is a number (has digits); none for "未备案".
    pub icp_url: Option<&'static str>,
    /// The number's page in the public-security register, when `police_record` has digits.
    pub police_record_url: Option<String>,
}

impl<'a> From<&'a Footer> for FooterView<'a> {
    fn from(footer: &'a Footer) -> Self {
        let icp_url = footer
            .icp
            .chars()
            .any(|c| c.is_ascii_digit())
            .then_some(ICP_REGISTER);
        FooterView {
            footer,
            icp_url,
            police_record_url: police_record_url(&footer.police_record),
        }
    }
}

/// The register's page of a number such as "鲁公网安备 37080202000123号": its digits, in order.
/// Text without digits (an example site's "未备案") is not a number and gets no link.
pub(crate) fn police_record_url(number: &str) -> Option<String> {
    let digits: String = number.chars().filter(char::is_ascii_digit).collect();
    (!digits.is_empty()).then(|| format!("{POLICE_REGISTER}{digits}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_number_links_to_its_register_and_other_text_does_not() {
        assert_eq!(
            police_record_url("鲁公网安备 37080202000123号").as_deref(),
            Some("https://beian.mps.gov.cn/#/query/webSearch?code=37080202000123")
        );
        assert_eq!(police_record_url("示例站点，未备案"), None);
        let footer = Footer {
            icp: "鲁ICP备12345678号-1".into(),
            ..Footer::default()
        };
        let view = FooterView::from(&footer);
        assert_eq!(view.icp_url, Some(ICP_REGISTER));
        assert_eq!(view.police_record_url, None);
        assert_eq!(FooterView::from(&Footer::default()).icp_url, None);
    }
}
