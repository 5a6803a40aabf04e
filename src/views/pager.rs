//! The paginator a list page's template receives: Zola's fields (so templates written for
//! Zola read it the same way), with addresses relative to the script root like every other
//! `path`, and the numbered links a phone has room for.

use serde::Serialize;

use super::PageSummary;
use crate::lists::{pager_count, pager_path};

/// How many numbered links either side of the current page: with the first and the last and
/// two gaps, at most 7 items, which fit a 320 px screen.
const NEIGHBOURS: usize = 1;

#[derive(Debug, Serialize)]
pub(crate) struct Paginator<'a> {
    /// How many documents a page shows (0: all on one page).
    pub paginate_by: usize,
    /// The list's own address; page `n` is `base_url` + `page/n/` (Zola's meaning, relative).
    pub base_url: String,
    /// How many pages the list takes.
    pub number_pagers: usize,
    pub first: String,
    pub last: String,
    pub previous: Option<String>,
    pub next: Option<String>,
    /// The documents of this page.
    pub pages: Vec<&'a PageSummary>,
    /// This page's number, from 1.
    pub current_index: usize,
    /// How many documents the whole list holds (Zola's name).
    pub total_pages: usize,
    /// The numbered links to show, in order: the first page, the last, and the current one
    /// with its neighbours; `None` where numbers are left out (shown as …).
    pub links: Vec<Option<PagerLink>>,
}

#[derive(Debug, Serialize)]
pub(crate) struct PagerLink {
    pub number: usize,
    pub path: String,
    pub current: bool,
}

impl<'a> Paginator<'a> {
    /// Page `current` (from 1) of the list at `list_path` holding `total` documents.
    pub(crate) fn new(
        list_path: &str,
        pages: Vec<&'a PageSummary>,
        current: usize,
        per_page: usize,
        total: usize,
    ) -> Paginator<'a> {
        let count = pager_count(total, per_page);
        let at = |n: usize| pager_path(list_path, n);
        let mut links = Vec::new();
        for n in 1..=count {
            let near = n.abs_diff(current) <= NEIGHBOURS;
            if n == 1 || n == count || near {
                links.push(Some(PagerLink {
                    number: n,
                    path: at(n),
                    current: n == current,
                }));
            } else if links.last().is_some_and(Option::is_some) {
                links.push(None);
            }
        }
        Paginator {
            paginate_by: per_page,
            base_url: list_path.to_string(),
            number_pagers: count,
            first: at(1),
            last: at(count),
            previous: (current > 1).then(|| at(current - 1)),
            next: (current < count).then(|| at(current + 1)),
            pages,
            current_index: current,
            total_pages: total,
            links,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn numbers(p: &Paginator<'_>) -> Vec<Option<usize>> {
        p.links
            .iter()
            .map(|l| l.as_ref().map(|l| l.number))
            .collect()
    }

    #[test]
    fn links_keep_first_last_and_neighbours() {
        let p = Paginator::new("policies/", Vec::new(), 5, 20, 1250);
        assert_eq!(p.number_pagers, 63);
        assert_eq!(
            numbers(&p),
            [Some(1), None, Some(4), Some(5), Some(6), None, Some(63)]
        );
        assert_eq!(p.previous.as_deref(), Some("policies/page/4/"));
        assert_eq!(p.next.as_deref(), Some("policies/page/6/"));
        assert_eq!(p.first, "policies/");
        assert_eq!(p.last, "policies/page/63/");
        let first = Paginator::new("policies/", Vec::new(), 1, 20, 1250);
        assert_eq!(numbers(&first), [Some(1), Some(2), None, Some(63)]);
        assert_eq!(first.previous, None);
        let last = Paginator::new("policies/", Vec::new(), 63, 20, 1250);
        assert_eq!(numbers(&last), [Some(1), None, Some(62), Some(63)]);
        assert_eq!(last.next, None);
        let near_start = Paginator::new("x/", Vec::new(), 2, 20, 100);
        assert_eq!(
            numbers(&near_start),
            [Some(1), Some(2), Some(3), None, Some(5)]
        );
    }

    #[test]
    fn one_page_lists_have_no_neighbours() {
        let p = Paginator::new("x/", Vec::new(), 1, 20, 3);
        assert_eq!(numbers(&p), [Some(1)]);
        assert_eq!((p.previous, p.next), (None, None));
        let empty = Paginator::new("x/", Vec::new(), 1, 20, 0);
        assert_eq!(empty.number_pagers, 1);
        let all = Paginator::new("x/", Vec::new(), 1, 0, 500);
        assert_eq!(all.number_pagers, 1);
    }
}
