/** The dashboard's CSV exports use the one CSV writer the desktop's archive export uses too. */
export { toCsv } from '../../common/csv.ts';
