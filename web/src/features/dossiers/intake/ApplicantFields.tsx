import { Checkbox, Col, Form, Input, Radio, Row, Typography } from 'antd';
import { PERSON_ID_PATTERN, PHONE_PATTERN, TAX_CODE_PATTERN } from '../../../../../src/modules/dossiers/rules/applicant';
import { useDossierT } from '../i18n';

const compact = (v: string | undefined) => (v ?? '').replace(/\s/g, '').toUpperCase();

/**
 * Người nộp hồ sơ: a citizen, possibly through an authorised person, or an organisation through
 * its representative. The formats are the server's (rules/applicant.ts), so mistakes show at once
 * and each message sits under the field it is about.
 */
export function ApplicantFields() {
  const t = useDossierT();
  const kind = Form.useWatch(['applicant', 'kind']) as 'citizen' | 'organisation' | undefined;
  const represented = Form.useWatch('hasRepresentative') as boolean | undefined;
  const organisation = kind === 'organisation';
  const withRepresentative = organisation || represented;
  return (
    <>
      <Form.Item name={['applicant', 'kind']} label={t('intake.kind')}>
        <Radio.Group
          optionType="button"
          options={[
            { value: 'citizen', label: t('intake.kindCitizen') },
            { value: 'organisation', label: t('intake.kindOrganisation') },
          ]}
        />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            name={['applicant', 'fullName']}
            label={t(organisation ? 'intake.orgName' : 'intake.fullName')}
            rules={[{ required: true, whitespace: true, min: 2, message: t(organisation ? 'intake.orgNameRequired' : 'intake.fullNameRequired') }]}
          >
            <Input maxLength={200} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          {organisation ? (
            <Form.Item key="taxCode" name={['applicant', 'taxCode']} label={t('intake.taxCode')} normalize={compact} rules={[{ pattern: TAX_CODE_PATTERN, message: t('intake.taxCodePattern') }]}>
              <Input inputMode="numeric" maxLength={14} autoComplete="off" />
            </Form.Item>
          ) : (
            <Form.Item key="idNumber" name={['applicant', 'idNumber']} label={t('intake.idNumber')} normalize={compact} rules={[{ pattern: PERSON_ID_PATTERN, message: t('intake.idNumberPattern') }]}>
              <Input inputMode="numeric" maxLength={12} autoComplete="off" />
            </Form.Item>
          )}
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name={['applicant', 'phone']} label={t('intake.phone')} rules={[{ pattern: PHONE_PATTERN, message: t('intake.phonePattern') }]}>
            <Input inputMode="tel" maxLength={15} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name={['applicant', 'email']} label={t('intake.email')} rules={[{ type: 'email', message: t('intake.emailPattern') }]}>
            <Input inputMode="email" maxLength={200} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name={['applicant', 'address']} label={t(organisation ? 'intake.orgAddress' : 'intake.address')}>
            <Input maxLength={500} autoComplete="off" />
          </Form.Item>
        </Col>
      </Row>
      {organisation ? (
        <div role="group" aria-label={t('intake.orgRepresentative')}>
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            {t('intake.orgRepresentative')}
          </Typography.Title>
          <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
            {t('intake.orgRepresentativeHint')}
          </Typography.Paragraph>
        </div>
      ) : (
        <Form.Item name="hasRepresentative" valuePropName="checked" style={{ marginBottom: represented ? 12 : 0 }}>
          <Checkbox>{t('intake.hasRepresentative')}</Checkbox>
        </Form.Item>
      )}
      {withRepresentative ? <RepresentativeFields organisation={organisation} /> : null}
    </>
  );
}

/** The person at the desk for the applicant: an organisation's representative, or a citizen's authorised person. */
function RepresentativeFields({ organisation }: { organisation: boolean }) {
  const t = useDossierT();
  return (
    <Row gutter={16}>
      <Col xs={24} md={12}>
        <Form.Item
          name={['applicant', 'representative', 'fullName']}
          label={t(organisation ? 'intake.orgRepresentativeName' : 'intake.representativeName')}
          rules={[{ required: true, whitespace: true, message: t(organisation ? 'intake.orgRepresentativeNameRequired' : 'intake.representativeNameRequired') }]}
        >
          <Input maxLength={200} autoComplete="off" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        {organisation ? (
          <Form.Item name={['applicant', 'representative', 'position']} label={t('intake.representativePosition')}>
            <Input maxLength={200} autoComplete="off" />
          </Form.Item>
        ) : (
          <RepresentativeId organisation={false} />
        )}
      </Col>
      {organisation ? (
        <Col xs={24} md={12}>
          <RepresentativeId organisation />
        </Col>
      ) : null}
      <Col xs={24} md={organisation ? 12 : 24}>
        <Form.Item name={['applicant', 'representative', 'authorisation']} label={t(organisation ? 'intake.orgAuthorisation' : 'intake.authorisation')} style={{ marginBottom: 0 }}>
          <Input maxLength={300} autoComplete="off" />
        </Form.Item>
      </Col>
    </Row>
  );
}

function RepresentativeId({ organisation }: { organisation: boolean }) {
  const t = useDossierT();
  return (
    <Form.Item
      name={['applicant', 'representative', 'idNumber']}
      label={t(organisation ? 'intake.orgRepresentativeId' : 'intake.representativeId')}
      normalize={compact}
      rules={[
        ...(organisation ? [{ required: true, message: t('intake.orgRepresentativeIdRequired') }] : []),
        { pattern: PERSON_ID_PATTERN, message: t('intake.idNumberPattern') },
      ]}
    >
      <Input inputMode="numeric" maxLength={12} autoComplete="off" />
    </Form.Item>
  );
}
