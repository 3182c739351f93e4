import Form from 'next/form';
import styles from '../../../_components/filters/filter-bar.module.css';
import { SubmitOnChange } from '../../../_components/filters/submit-on-change';
import uiStyles from '../../../_components/ui/ui.module.css';
import { MAX_COMPARED } from './team-lines';
import picker from './team-picker.module.css';

type TeamPickerProps = { known: string[]; chosen: string[]; keep: Record<string, string> };

/** Which teams to compare, as checkboxes of a GET form that applies as they change; the range is kept. */
export function TeamPicker({ known, chosen, keep }: TeamPickerProps) {
  return (
    <Form action="/teams/compare" className={styles.bar} aria-label="Teams to compare">
      <fieldset className={picker.teams}>
        <legend>Teams to compare (up to {MAX_COMPARED})</legend>
        {known.map((team) => (
          <label key={team} className={picker.team}>
            <input type="checkbox" name="teams" value={team} defaultChecked={chosen.includes(team)} /> {team}
          </label>
        ))}
      </fieldset>
      {Object.entries(keep).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <SubmitOnChange />
      <noscript>
        <button type="submit" className={`${uiStyles.button} ${uiStyles.buttonPrimary}`}>
          Compare
        </button>
      </noscript>
    </Form>
  );
}
