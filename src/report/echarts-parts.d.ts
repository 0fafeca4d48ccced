/**
 * Types of the ECharts installers charts.ts loads one by one (the package ships no declarations
 * beside them): each is an installer for `echarts/core`'s `use()`.
 */
type Installer = Exclude<Parameters<typeof import('echarts/core').use>[0], unknown[]>;
declare module 'echarts/lib/chart/bar/install.js' {
  export const install: Installer;
}
declare module 'echarts/lib/chart/line/install.js' {
  export const install: Installer;
}
declare module 'echarts/lib/component/grid/installSimple.js' {
  export const install: Installer;
}
declare module 'echarts/lib/component/legend/installLegendPlain.js' {
  export const install: Installer;
}
declare module 'echarts/lib/component/marker/installMarkLine.js' {
  export const install: Installer;
}
declare module 'echarts/lib/renderer/installSVGRenderer.js' {
  export const install: Installer;
}
