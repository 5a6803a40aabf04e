//! Writing a small workbook (`.xlsx`): the example data `stdportal init` gives an editor, in the
//! program they already use, with Chinese headers. Written with `rust_xlsxwriter` (a port of
//! the Python XlsxWriter by its author, tested against files Excel itself writes), so Excel and
//! WPS open it without a repair prompt.

use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, XlsxError};

/// A cell's value.
#[derive(Debug, Clone, Copy)]
pub enum Value<'a> {
    /// A text cell; an empty text leaves the cell empty.
    Text(&'a str),
    /// A number cell, without a number format of its own.
    Number(f64),
    /// A date stored as an Excel date (shown as `2024-06-30`).
    Date(u16, u8, u8),
}

/// A sheet: its name, its header row and its rows.
pub struct SheetData<'a> {
    /// The sheet's name as the tab shows it (`城市`, `指标`; Excel allows 31 characters).
    pub name: &'a str,
    /// The header row (row 1, in bold): the table's Chinese column names.
    pub headers: &'a [&'a str],
    /// The rows under the header, each its cells left to right.
    pub rows: Vec<Vec<Value<'a>>>,
}

/// The bytes of an `.xlsx` workbook with these sheets, headers in bold.
pub fn xlsx(sheets: &[SheetData<'_>]) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let bold = Format::new().set_bold();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    for sheet in sheets {
        let worksheet = workbook.add_worksheet();
        worksheet.set_name(sheet.name)?;
        for (c, header) in sheet.headers.iter().enumerate() {
            let c = column(c)?;
            worksheet.write_string_with_format(0, c, *header, &bold)?;
            // Wide enough for a Chinese header or a short id.
            worksheet.set_column_width(c, 14)?;
        }
        for (r, row) in sheet.rows.iter().enumerate() {
            let r = u32::try_from(r + 1).map_err(|_| XlsxError::RowColumnLimitError)?;
            for (c, value) in row.iter().enumerate() {
                let c = column(c)?;
                match *value {
                    Value::Text("") => {}
                    Value::Text(text) => {
                        worksheet.write_string(r, c, text)?;
                    }
                    Value::Number(n) => {
                        worksheet.write_number(r, c, n)?;
                    }
                    Value::Date(y, m, d) => {
                        let day = ExcelDateTime::from_ymd(y, m, d)?;
                        worksheet.write_datetime_with_format(r, c, &day, &date)?;
                    }
                }
            }
        }
    }
    workbook.save_to_buffer()
}

fn column(c: usize) -> Result<u16, XlsxError> {
    u16::try_from(c).map_err(|_| XlsxError::RowColumnLimitError)
}
