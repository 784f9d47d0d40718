import { Flex, Form, Input, Select } from 'antd';
import { RESPONDENT_CHOICES, RESPONDENT_LABELS } from '../../../../../src/modules/par/labels';
import { useLocale } from '../../../shared/i18n';
import { useSurveyT } from './messages';

type ChoiceField = keyof typeof RESPONDENT_CHOICES;
const CHOICE_FIELDS = Object.keys(RESPONDENT_CHOICES) as ChoiceField[];

/** The fixed respondent fields (sex, age group, level, own unit, position), every one optional; inside a Form, under `respondent`. */
export function RespondentFields({ size }: { size?: 'large' }) {
  const t = useSurveyT();
  const locale = useLocale();
  return (
    <Flex gap={12} wrap>
      {CHOICE_FIELDS.map((field) => (
        <Form.Item key={field} name={['respondent', field]} label={RESPONDENT_LABELS[field][locale]} style={{ flex: '1 1 200px' }}>
          <Select
            size={size}
            allowClear
            placeholder={t('select')}
            options={Object.entries(RESPONDENT_CHOICES[field]).map(([value, label]) => ({ value, label: (label as { vi: string; en: string })[locale] }))}
          />
        </Form.Item>
      ))}
      {(['unit', 'position'] as const).map((field) => (
        <Form.Item key={field} name={['respondent', field]} label={RESPONDENT_LABELS[field][locale]} style={{ flex: '1 1 260px' }}>
          <Input size={size} maxLength={200} autoComplete={field === 'unit' ? 'organization' : 'organization-title'} />
        </Form.Item>
      ))}
    </Flex>
  );
}
