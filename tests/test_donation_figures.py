"""The donation figures (inputs/donation.py, inputs/donation_totals.py, analysis/donation.py,
analysis/donation_claims.py): the records and their 計 rows read and checked row by row, the totals by
year and project, rates, the worked example rounded half up, the year-on-year change, the series the
claims are checked against and the report's claims refused by line and key. The report document built
from them is test_donation.py's. Figures are made up (テストデータ) unless the seed inputs are named."""

# ruff: noqa: E501  (the expected messages are literal Japanese sentences, kept whole)

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from packetgen.analysis import claims
from packetgen.analysis import donation as d
from packetgen.analysis import donation_claims as dc
from packetgen.core.errors import Problem
from packetgen.inputs import donation_totals as t
from packetgen.inputs.donation import DonationRecord, StatedTotal

# --- the records file read: data rows, 計 rows, rates and amounts -------------------------------------


DONATIONS = """年度,対象事業の区分,事業名,寄附企業,寄附額（千円）,事業数,出典
令和4年度,しごと,起業支援,A社,"100,000",1,x
令和４年度,まち,まちづくり,B社,５０千円,2,
令和4年度,,計,,"100,050",3,
令和4年度,合 計,,,1,,
令和3年度,ひと,,C社,-5,0,
"""


def test_load_donations_splits_records_and_totals(tmp_path: Path) -> None:
    from packetgen.inputs import donation

    (tmp_path / "d.csv").write_text(DONATIONS, "utf-8")
    problems: list[Problem] = []
    loaded = donation.load_donations(tmp_path / "d.csv", "d.csv", problems)
    assert [
        (r.row, r.value.fiscal_year, r.value.project, r.value.amount, r.value.projects) for r in loaded.records
    ] == [
        (2, 2022, "起業支援", 100000, 1),
        (3, 2022, "まちづくり", 50, 2),
    ]
    assert [(t.row, t.value.amount, t.value.projects, t.value.company) for t in loaded.totals] == [
        (4, 100050, 3, ""),
        (5, 1, None, ""),
    ]
    assert loaded.complete is False
    assert [str(p) for p in problems] == [
        "d.csv 6行目 C列「事業名」: 値がありません",
        "d.csv 6行目 E列「寄附額（千円）」: 0より大きい値を入力してください（入力値：「-5」）",
        "d.csv 6行目 F列「事業数」: 0より大きい値を入力してください（入力値：「0」）",
    ]
    (tmp_path / "t.csv").write_text(DONATIONS.splitlines()[0] + "\n令和4年度,,計,,1,,\n", "utf-8")
    problems = []
    loaded = donation.load_donations(tmp_path / "t.csv", "t.csv", problems)
    assert loaded.records == ()
    assert loaded.complete is True
    assert [str(p) for p in problems] == ["t.csv 2行目: 計の行のほかに寄附のデータ行がありません"]
    assert donation.load_donations(tmp_path / "none.csv", "none.csv", []) is None


def test_a_total_row_is_told_by_its_kei_or_goukei() -> None:
    from packetgen.inputs.donation import is_total_row

    assert is_total_row({"事業名": "計"})
    assert is_total_row({"対象事業の区分": " 合 計 "})
    assert is_total_row({"対象事業の区分": "ｘ", "事業名": "合計"})
    assert not is_total_row({"事業名": "計画"})
    assert not is_total_row({})


@pytest.mark.parametrize(
    ("value", "rate"),
    [
        ("3割", "0.3"),
        ("約3割", "0.3"),
        ("最大9割", "0.9"),
        ("30%", "0.3"),
        ("２５％", "0.25"),
        ("2.5割", "0.25"),
        ("10割", "1"),
    ],
)
def test_rates_as_staff_write_them(value: str, rate: str) -> None:
    from decimal import Decimal

    from packetgen.inputs.donation import parse_rate

    assert parse_rate(value) == Decimal(rate)


@pytest.mark.parametrize("value", ["0.3", "3", "3わり", "割", 0.3, None])
def test_a_rate_in_another_form_is_refused(value: object) -> None:
    from packetgen.inputs.donation import parse_rate

    with pytest.raises(ValueError) as info:
        parse_rate(value)
    assert str(info.value) == f"割合は「3割」か「30%」の形で入力してください（入力値：「{value}」）"


def test_amounts_and_counts_are_positive_whole_numbers() -> None:
    from packetgen.inputs.donation import _positive_whole

    assert _positive_whole("100,000千円", "千円") == 100000
    assert _positive_whole(5) == 5
    assert _positive_whole(True) is True
    assert _positive_whole(None) is None
    with pytest.raises(ValueError) as info:
        _positive_whole("1,5", "千円")
    assert (
        str(info.value)
        == "桁区切りの「,」は3桁ごとに入れてください（入力値：「1,5」）。千円単位の整数（例：100,000）で入力してください"
    )
    with pytest.raises(ValueError) as info:
        _positive_whole("x")
    assert str(info.value) == "整数で入力してください（入力値：「x」）"
    with pytest.raises(ValueError) as info:
        _positive_whole(0)
    assert str(info.value) == "0より大きい値を入力してください（入力値：「0」）"


# --- totals by year and project ----------------------------------------------------------------------


def record(year: str, category: str, project: str, company: str, amount: int, projects: int = 1) -> DonationRecord:
    return DonationRecord.model_validate(
        {
            "年度": year,
            "対象事業の区分": category,
            "事業名": project,
            "寄附企業": company,
            "寄附額（千円）": str(amount),
            "事業数": str(projects),
        }
    )


RECORDS = [
    record("令和4年度", "しごと", "起業支援", "A社", 100, 2),
    record("令和3年度", "ひと", "移住促進", "B社", 50),
    record("令和4年度", "まち", "まちづくり", "C社", 30),
    record("令和4年度", "しごと", "起業支援", "D社", 70, 2),
    record("令和4年度", "しごと", "起業支援", "A社", 5, 2),
]


def test_totals_by_year_groups_years_ascending_and_projects_in_record_order() -> None:
    years = t.totals_by_year(RECORDS)
    assert [y.fiscal_year for y in years] == [2021, 2022]
    assert years[0].projects == (t.ProjectTotal("ひと", "移住促進", ("B社",), 50, 1, 1),)
    assert years[1].projects == (
        t.ProjectTotal("しごと", "起業支援", ("A社", "D社"), 175, 2, 3),
        t.ProjectTotal("まち", "まちづくり", ("C社",), 30, 1, 1),
    )
    assert (years[1].amount, years[1].project_count, years[1].donations) == (205, 3, 4)
    assert (years[0].amount, years[0].project_count, years[0].donations) == (50, 1, 1)
    assert t.totals_by_year([]) == []


def test_a_project_is_its_year_category_and_name() -> None:
    assert t.project_key(RECORDS[0]) == (2022, "しごと", "起業支援")


def test_a_project_given_two_project_counts_is_found() -> None:
    records = [
        *RECORDS,
        record("令和4年度", "しごと", "起業支援", "E社", 1, 3),
        record("令和3年度", "ひと", "移住促進", "F", 1, 1),
    ]
    assert t.inconsistent_project_counts(records) == [t.Inconsistency(5, 0, 3, 2)]
    assert t.inconsistent_project_counts(RECORDS) == []


def test_stated_totals_are_checked_against_the_records() -> None:
    years = t.totals_by_year(RECORDS)

    def stated(year: str, amount: int, projects: int | None = None) -> StatedTotal:
        data = {"年度": year, "寄附額（千円）": str(amount)}
        if projects is not None:
            data["事業数"] = str(projects)
        return StatedTotal.model_validate(data)

    assert t.check_stated_totals([stated("令和4年度", 205, 3), stated("令和3年度", 50)], years) == []
    assert t.check_stated_totals(
        [stated("令和4年度", 200, 4), stated("令和2年度", 1), stated("令和3年度", 50, 1), stated("令和3年度", 51)],
        years,
    ) == [
        t.TotalMismatch(0, "寄附額（千円）", 200, 205),
        t.TotalMismatch(0, "事業数", 4, 3),
        t.TotalMismatch(1, "年度", 2020, None),
        t.TotalMismatch(3, "寄附額（千円）", 51, 50),
    ]


# --- the records table checked: 事業数 per project and every 計 row --------------------------------------


RECORDS_HEADER = "年度,対象事業の区分,事業名,寄附企業,寄附額（千円）,事業数,出典\n"


def checked(tmp_path: Path, rows: str) -> tuple[list, list[str]]:
    from packetgen.inputs.donation import load_donations

    (tmp_path / "records.csv").write_text(RECORDS_HEADER + rows, "utf-8")
    problems: list[Problem] = []
    table = load_donations(tmp_path / "records.csv", "records.csv", problems)
    assert table is not None
    years = t.checked_totals(table, problems)
    return years, [str(p) for p in problems]


def test_checked_totals_name_the_row_and_column_of_each_disagreement(tmp_path: Path) -> None:
    years, problems = checked(
        tmp_path,
        "令和4年度,区分,事業A,A社,100,1,x\n"
        "令和4年度,区分,事業A,B社,1500,2,x\n"
        "令和4年度,,計,,1500,3,x\n"
        "令和3年度,,計,,9,,x\n",
    )
    assert [(y.fiscal_year, y.amount, y.project_count) for y in years] == [(2022, 1600, 1)]
    assert problems == [
        "records.csv 3行目 F列「事業数」: 同じ年度・対象事業の区分・事業名の2行目と事業数が違います（2行目：1、この行：2）",
        "records.csv 4行目 E列「寄附額（千円）」: 令和4年度の計 1,500千円 が各行の合計 1,600千円 と合いません。"
        "データ行か計の行を確認してください",
        "records.csv 4行目 F列「事業数」: 令和4年度の計 3 が各行の合計 1 と合いません。データ行か計の行を確認してください",
        "records.csv 5行目 A列「年度」: 令和3年度の寄附のデータ行がありません（計の行だけがあります）",
    ]


def test_checked_totals_leave_the_totals_alone_while_a_data_row_is_invalid(tmp_path: Path) -> None:
    years, problems = checked(
        tmp_path, "令和4年度,区分,事業A,A社,100,1,x\n令和4年度,区分,事業B,B社,x,1,x\n令和4年度,,計,,999,2,x\n"
    )
    assert [(y.fiscal_year, y.amount) for y in years] == [(2022, 100)]
    assert len(problems) == 1 and problems[0].startswith("records.csv 3行目 E列「寄附額（千円）」")


# --- the analysis: year on year, the worked example, rates and categories ----------------------------


def test_the_year_on_year_change() -> None:
    years = t.totals_by_year([*RECORDS, record("令和5年度", "ひと", "移住促進", "B社", 20)])
    changes = d.year_on_year(years)
    assert [(c.total.fiscal_year, c.change) for c in changes] == [(2021, None), (2022, 155), (2023, -185)]
    assert d.year_on_year([]) == []


@pytest.mark.parametrize(
    ("gift", "deduction", "relief", "credit", "burden"),
    [(100000, 30000, 90000, 60000, 10000), (5, 2, 5, 3, 0), (15, 5, 14, 9, 1), (1, 0, 1, 1, 0)],
)
def test_worked_example_rounds_half_up_and_adds_up(
    gift: int, deduction: int, relief: int, credit: int, burden: int
) -> None:
    example = d.worked_example(gift, Decimal("0.3"), Decimal("0.9"))
    assert (example.gift, example.deduction, example.relief) == (gift, deduction, relief)
    assert (example.credit, example.burden) == (credit, burden)
    assert example.credit_rate == Decimal("0.6")
    assert example.burden_rate == Decimal("0.1")
    assert example.deduction + example.credit + example.burden == gift


def test_thousand_yen_rounds_half_up() -> None:
    assert d._thousand_yen(Decimal("2.5")) == 3
    assert d._thousand_yen(Decimal("3.5")) == 4
    assert d._thousand_yen(Decimal("2.49")) == 2
    assert d._thousand_yen(Decimal("-2.5")) == -3


@pytest.mark.parametrize(
    ("rate", "text"),
    [
        ("0.3", "3割"),
        ("0.9", "9割"),
        ("1", "10割"),
        ("0.25", "25%"),
        ("0.125", "12.5%"),
        ("0.05", "5%"),
        ("0.30", "3割"),
    ],
)
def test_a_rate_is_written_in_wari_or_percent(rate: str, text: str) -> None:
    assert d.rate_text(Decimal(rate)) == text


def test_the_categories_are_listed_with_oyobi() -> None:
    years = t.totals_by_year(RECORDS)
    assert d.categories_text(years[0]) == "ひと"
    assert d.categories_text(years[1]) == "しごと及びまち"
    three = t.totals_by_year(
        [*RECORDS, record("令和4年度", "ひと", "x", "Z", 1), record("令和4年度", "まち", "y", "Z", 1)]
    )
    assert d.categories_text(three[1]) == "しごと、まち及びひと"


# --- the claims on the figures -----------------------------------------------------------------------


def test_claim_series_names_years_rows_and_units() -> None:
    years = t.totals_by_year(RECORDS)
    series = dc.claim_series(years, {2022: [2, 4, 5, 6], 2021: [3]}, "donations.csv")
    assert list(series) == ["寄附額", "事業数", "寄附件数"]
    assert series["寄附額"] == claims.Series(
        "寄附額",
        "千円",
        (
            claims.Point("令和3年度", 50, "donations.csv 3行目"),
            claims.Point("令和4年度", 205, "donations.csv 2・4・5・6行目"),
        ),
    )
    assert series["事業数"].unit == "事業"
    assert [p.value for p in series["事業数"].points] == [1, 3]
    assert series["寄附件数"].unit == "件"
    assert series["寄附件数"].name == "寄附件数"
    assert [p.value for p in series["寄附件数"].points] == [1, 4]
    assert dc.claim_series(years, {}, "x.csv")["寄附額"].points[0].where == "x.csv 行目"


def test_claim_series_names_the_project_count() -> None:
    series_ = dc.claim_series(t.totals_by_year(RECORDS), {}, "x.csv")
    assert [(s.name, s.unit) for s in series_.values()] == [("寄附額", "千円"), ("事業数", "事業"), ("寄附件数", "件")]


def test_series_of_the_table_names_the_rows_of_each_years_gifts(tmp_path: Path) -> None:
    from packetgen.inputs.donation import load_donations

    (tmp_path / "records.csv").write_text(
        RECORDS_HEADER
        + "令和4年度,区分,事業A,A社,100,1,x\n令和3年度,区分,事業B,B社,20,1,x\n令和4年度,区分,事業C,C社,5,1,x\n",
        "utf-8",
    )
    table = load_donations(tmp_path / "records.csv", "records.csv", [])
    assert table is not None
    series = dc.series_of(t.totals_by_year([r.value for r in table.records]), table)
    assert [(p.label, p.value, p.where) for p in series["寄附額"].points] == [
        ("令和3年度", 20, "records.csv 3行目"),
        ("令和4年度", 105, "records.csv 2・4行目"),
    ]


def test_placeholder_values_are_the_worked_example_and_the_latest_year() -> None:
    latest = t.totals_by_year(RECORDS)[-1]
    example = d.worked_example(100000, Decimal("0.3"), Decimal("0.9"))
    assert dc.placeholder_values(example, latest) == {
        "損金算入": "3割",
        "税額控除": "6割",
        "最大軽減": "9割",
        "実質負担": "1割",
        "例示寄附額": "100,000千円",
        "報告年度": "令和4年度",
        "寄附額合計": "205千円",
        "事業数": "3",
        "寄附対象区分": "しごと及びまち",
    }


SEED_REPORT = Path(__file__).resolve().parent.parent / "inputs" / "2023-07-27" / "donation" / "report.yaml"


EVALUATION = '    - "{報告年度}は、{寄附対象区分}に対する寄附がありました。"\n'


CLAIMS = (
    "    - 文: 寄附額は減少しました。\n      主張: {寄附額: 減少}\n"  # refuted by the records
    "    - 寄附件数は増加しました。\n"  # a claim word as plain text
    '    - "{増減:不明}"\n'  # a computed phrase of no series
    "    - 文: 寄附額は{増減:不明}でした。\n      主張: {寄附額: 増加}\n"  # a declared sentence's phrase
)


def test_check_claims_names_each_refused_sentence_by_line_and_key(tmp_path: Path) -> None:
    from packetgen.inputs.donation import load_report

    report = tmp_path / "report.yaml"
    report.write_text(SEED_REPORT.read_text("utf-8").replace(EVALUATION, CLAIMS), "utf-8")
    problems: list[Problem] = []
    text = load_report(report, "report.yaml", problems)
    assert text is not None and problems == []
    years = t.totals_by_year(RECORDS)
    series = dc.claim_series(years, {2022: [2], 2021: [3]}, "records.csv")
    values = dc.placeholder_values(d.worked_example(1000, Decimal("0.3"), Decimal("0.9")), years[-1])
    assert dc.check_claims(text, series, values, problems) is False
    assert [str(p) for p in problems] == [
        "report.yaml 42行目 事業の評価.本文[1].主張.寄附額: 「寄附額: 減少」とありますが、データと合いません：寄附額は前年度から155千円増加（令和3年度 50千円（records.csv 3行目）、令和4年度 205千円（records.csv 2行目））（文は41行目）",
        "report.yaml 43行目 事業の評価.本文[2]: 「増加」と書かれていますが、データで確かめる主張がありません。{増減:寄附額} などの計算語句にするか、文: と 主張:（例：寄附額: 増加）の形にしてください（説明書 docs/guide/06-inputs.md の「donation/report.yaml — 報告本文」）",
        "report.yaml 44行目 事業の評価.本文[3]: 「{増減:不明}」の系列「不明」はありません（使える系列：寄附額、事業数、寄附件数）",
        "report.yaml 45行目 事業の評価.本文[4].文: 「{増減:不明}」の系列「不明」はありません（使える系列：寄附額、事業数、寄附件数）",
    ]
    seed = load_report(SEED_REPORT, "report.yaml", [])
    assert seed is not None and dc.check_claims(seed, series, values, problems) is True  # nothing added
