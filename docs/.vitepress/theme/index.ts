// The default theme (sidebar, local search, dark mode).
import DefaultTheme from "vitepress/theme";

export default DefaultTheme;
