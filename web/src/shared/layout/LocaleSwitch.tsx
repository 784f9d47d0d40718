import { Segmented } from 'antd';
import { type Locale, setLocale, useLocale, useT } from '../i18n';

export function LocaleSwitch() {
  const t = useT();
  const locale = useLocale();
  return (
    <Segmented<Locale>
      size="small"
      aria-label={t('locale.label')}
      value={locale}
      onChange={(value) => setLocale(value)}
      options={[
        { value: 'vi', label: <span title={t('locale.vi')} lang="vi">VI</span> },
        { value: 'en', label: <span title={t('locale.en')} lang="en">EN</span> },
      ]}
    />
  );
}
