import { type ReactNode, useLayoutEffect, useRef, useState } from 'react';
import { Flex, Typography } from 'antd';
import { usePageTitle } from '../pageTitle';

interface Props {
  title: ReactNode;
  subtitle?: ReactNode;
  extra?: ReactNode;
  /** The tab title when `title` is not plain text; by default the heading's words. */
  documentTitle?: string;
}

/** The words of a rendered heading, one space between its parts (a code and a status tag, say). */
function headingWords(element: HTMLElement | null): string {
  if (!element) return '';
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  const parts: string[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) parts.push(node.textContent ?? '');
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

/** Title row of a workspace page: the h1 on the left, actions on the right (wrapping on phones). */
export function PageHeader({ title, subtitle, extra, documentTitle }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  const [words, setWords] = useState(typeof title === 'string' ? title : '');
  useLayoutEffect(() => {
    setWords(documentTitle ?? (typeof title === 'string' ? title : headingWords(heading.current)));
  });
  usePageTitle(words);
  return (
    <Flex className="mc-page-header" justify="space-between" align="flex-start" wrap gap={12}>
      <div>
        <Typography.Title level={1} className="mc-page-title" ref={heading}>
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
