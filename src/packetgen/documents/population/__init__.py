"""人口動態について: the population analysis workbook (kind 人口動態)."""
