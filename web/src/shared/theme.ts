import type { ThemeConfig } from 'antd';

/** Palette of Vietnamese state portals: deep red with a gold accent, navy links, calm greys. */
export const palette = {
  red: '#9e1c1c',
  redDark: '#7a1414',
  gold: '#f4c542',
  navy: '#1d3f72',
  ink: '#1f2329',
  layout: '#f4f5f7',
  selected: '#fbeceb',
} as const;

export const FONT_FAMILY =
  "'Be Vietnam Pro', 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', sans-serif";

export const theme: ThemeConfig = {
  token: {
    colorPrimary: palette.red,
    colorInfo: palette.navy,
    colorLink: palette.navy,
    colorText: palette.ink,
    // Secondary text, hints, placeholders and breadcrumbs darker than Ant Design's defaults, so every
    // text meets WCAG AA contrast (4.5:1) on white and on the grey layout (axe-core, issue 11 item 8).
    colorTextSecondary: '#545960',
    colorTextDescription: '#545960',
    colorTextTertiary: '#5c6168',
    colorTextPlaceholder: '#666b72',
    colorSuccessText: '#237804',
    colorWarningText: '#ad4e00',
    colorErrorText: '#a8071a',
    colorBgLayout: palette.layout,
    fontFamily: FONT_FAMILY,
    fontSize: 15,
    // Vietnamese stacks diacritics above and below the letter; a little more line height keeps
    // "Ệ" and "ậ" from touching the next line.
    lineHeight: 1.6,
    borderRadius: 6,
    controlHeight: 36,
  },
  components: {
    Layout: {
      headerBg: '#ffffff',
      headerHeight: 64,
      headerPadding: '0 16px',
      siderBg: '#ffffff',
      bodyBg: palette.layout,
      footerBg: palette.redDark,
    },
    Menu: {
      itemSelectedBg: palette.selected,
      itemSelectedColor: palette.red,
      itemBorderRadius: 6,
    },
    Table: {
      headerBg: '#f6f1ee',
    },
    Typography: {
      titleMarginTop: 0,
    },
  },
};
