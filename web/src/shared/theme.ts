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
