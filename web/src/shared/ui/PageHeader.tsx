import type { ReactNode } from 'react';
import { Flex, Typography } from 'antd';

interface Props {
  title: ReactNode;
  subtitle?: ReactNode;
  extra?: ReactNode;
}

/** Title row of a workspace page: the h1 on the left, actions on the right (wrapping on phones). */
export function PageHeader({ title, subtitle, extra }: Props) {
  return (
    <Flex className="mc-page-header" justify="space-between" align="flex-start" wrap gap={12}>
      <div>
        <Typography.Title level={1} className="mc-page-title">
          {title}
        </Typography.Title>
        {subtitle ? <Typography.Text type="secondary">{subtitle}</Typography.Text> : null}
      </div>
      {extra ? (
        <Flex gap={8} wrap>
          {extra}
        </Flex>
      ) : null}
    </Flex>
  );
}
