// The default theme (sidebar, local search, dark mode), with the live lesson runner that the
// tutorials use as <LessonRun :lesson="1" />.
import DefaultTheme from "vitepress/theme";
import type { Theme } from "vitepress";
import LessonRun from "./LessonRun.vue";
import "./lesson.css";

export default {
  extends: DefaultTheme,
  enhanceApp({ app }) {
    app.component("LessonRun", LessonRun);
  },
} satisfies Theme;
