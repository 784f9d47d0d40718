import { Button, Form, Input, Radio, Typography } from 'antd';
import { CopyOutlined } from '@ant-design/icons';
import { askedQuestions } from '../../../../src/modules/procedure-review/rules/review-form';
import { useFormsT } from './i18n-forms';
import { Muted, Section } from './forms-ui';
import type { Answers } from './types';
import type { FullReviewForm, ReviewQuestion as Question } from './types-forms';

/**
 * The review form's sections and questions (rules/review-form.ts): Có/Không for a yes/no question, a text
 * for a written one, both for yes/no with an explanation. What the data already says (the prefill) is shown
 * beside the question in grey; "Dùng số liệu" copies it into the answer. A question asked only after a
 * given answer appears with that answer, and "not needed" (question 4) leaves the later parts unanswered,
 * as the form's rules say. Editable inside the page's Form (fields `answers.<key>.choice` and
 * `answers.<key>.text`); otherwise the answers as given.
 */
export function ReviewQuestions({ form, editable, answers, onChanged }: {
  form: FullReviewForm; editable: boolean; answers: Answers; onChanged?: () => void;
}) {
  const t = useFormsT();
  const live = Form.useWatch('answers') as Answers | undefined;
  const asked = new Set(askedQuestions(form, (editable ? live : undefined) ?? answers).map((q) => q.key));
  return (
    <>
      {form.sections.map((section) => {
        const questions = section.questions.filter((q) => asked.has(q.key));
        return (
          <Section key={section.key} title={section.title} testId={`review-section-${section.key}`}>
            {questions.length ? (
              <ol className="mc-prf-questions">
                {questions.map((q) => (
                  <li key={q.key} className="mc-prf-question" data-question={q.key}>
                    {editable ? <QuestionField q={q} onChanged={onChanged} /> : <QuestionAnswer q={q} answer={answers[q.key]} />}
                  </li>
                ))}
              </ol>
            ) : <Muted>{t('answer.notAsked')}</Muted>}
          </Section>
        );
      })}
    </>
  );
}

/** The answers of the questions asked (a question no longer asked keeps no answer). */
export function askedAnswers(form: FullReviewForm, answers: Answers): Answers {
  const asked = new Set(askedQuestions(form, answers).map((q) => q.key));
  return Object.fromEntries(Object.entries(answers).filter(([key]) => asked.has(key)));
}

const hasChoice = (q: Question) => q.kind === 'yesno' || q.kind === 'yesno_text';
const hasText = (q: Question) => q.kind === 'text' || q.kind === 'yesno_text';

function QuestionField({ q, onChanged }: { q: Question; onChanged?: () => void }) {
  const n = q.number;
  const t = useFormsT();
  const form = Form.useFormInstance();
  const label = `${n}. ${q.text}`;
  const copyPrefill = () => {
    const name = ['answers', q.key, 'text'];
    const current = ((form.getFieldValue(name) as string | undefined) ?? '').trim();
    const prefill = q.prefill ?? '';
    if (current.includes(prefill)) return;
    form.setFieldValue(name, current ? `${current}\n${prefill}` : prefill);
    form.setFields([{ name, errors: [] }]);
    onChanged?.();
  };
  return (
    <>
      {hasChoice(q) ? (
        <Form.Item name={['answers', q.key, 'choice']} label={label} className="mc-prf-choice">
          <Radio.Group aria-label={label} options={[{ value: 'yes', label: t('answer.yes') }, { value: 'no', label: t('answer.no') }]} />
        </Form.Item>
      ) : null}
      {q.prefill ? (
        <div className="mc-prf-prefill" data-testid="prefill">
          <Typography.Text type="secondary" className="mc-prf-small">{t('answer.prefill')}</Typography.Text>
          <p className="mc-prf-text">{q.prefill}</p>
          {hasText(q) ? (
            <Button size="small" icon={<CopyOutlined aria-hidden />} onClick={copyPrefill} aria-label={t('answer.usePrefillFor', { n })}>
              {t('answer.usePrefill')}
            </Button>
          ) : null}
        </div>
      ) : null}
      {hasText(q) ? (
        <Form.Item name={['answers', q.key, 'text']} label={hasChoice(q) ? t('answer.explainN', { n }) : label}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
      ) : null}
    </>
  );
}

function QuestionAnswer({ q, answer }: { q: Question; answer: Answers[string] | undefined }) {
  const n = q.number;
  const t = useFormsT();
  const choice = answer?.choice ? t(answer.choice === 'yes' ? 'answer.yes' : 'answer.no') : null;
  const text = answer?.text?.trim();
  return (
    <div className="mc-prf-answer">
      <Typography.Text strong>{n}. {q.text}</Typography.Text>
      {hasChoice(q) ? <div>{t('answer.choice')}: {choice ?? <Muted>{t('answer.none')}</Muted>}</div> : null}
      {text ? <p className="mc-prf-text">{text}</p> : hasText(q) && !hasChoice(q) ? <div><Muted>{t('answer.none')}</Muted></div> : null}
    </div>
  );
}
