import { Checkbox, Col, Form, Input, Radio, Row } from 'antd';
import { useDossierT } from '../i18n';

/** Mirrors the server's applicant schema (src/modules/dossiers/schema.ts) so mistakes show at once. */
const ID_PATTERN = /^[0-9A-Z]{9,12}$/;
const PHONE_PATTERN = /^\+?[0-9 .-]{8,15}$/;

/** Người nộp hồ sơ: a citizen or an organisation, possibly through an authorised representative. */
export function ApplicantFields() {
  const t = useDossierT();
  const kind = Form.useWatch(['applicant', 'kind']) as 'citizen' | 'organisation' | undefined;
  const represented = Form.useWatch('hasRepresentative') as boolean | undefined;
  const organisation = kind === 'organisation';
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
            rules={[{ required: true, whitespace: true, min: 2, message: t('intake.fullNameRequired') }]}
          >
            <Input maxLength={200} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name={['applicant', 'idNumber']}
            label={t(organisation ? 'intake.orgIdNumber' : 'intake.idNumber')}
            normalize={(v: string) => v.replace(/\s/g, '').toUpperCase()}
            rules={[{ pattern: ID_PATTERN, message: t('intake.idNumberPattern') }]}
          >
            <Input inputMode="numeric" maxLength={12} autoComplete="off" />
          </Form.Item>
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
          <Form.Item name={['applicant', 'address']} label={t('intake.address')}>
            <Input maxLength={500} autoComplete="off" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="hasRepresentative" valuePropName="checked" style={{ marginBottom: represented ? 12 : 0 }}>
        <Checkbox>{t('intake.hasRepresentative')}</Checkbox>
      </Form.Item>
      {represented ? (
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              name={['representative', 'fullName']}
              label={t('intake.representativeName')}
              rules={[{ required: true, whitespace: true, message: t('intake.fullNameRequired') }]}
            >
              <Input maxLength={200} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name={['representative', 'idNumber']}
              label={t('intake.representativeId')}
              normalize={(v: string) => v.replace(/\s/g, '').toUpperCase()}
              rules={[{ pattern: ID_PATTERN, message: t('intake.idNumberPattern') }]}
            >
              <Input inputMode="numeric" maxLength={12} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name={['representative', 'authorisation']} label={t('intake.authorisation')} style={{ marginBottom: 0 }}>
              <Input maxLength={300} autoComplete="off" />
            </Form.Item>
          </Col>
        </Row>
      ) : null}
    </>
  );
}
