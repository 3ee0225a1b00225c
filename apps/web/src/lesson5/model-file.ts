/**
 * Lesson 5's saved model in a page: `torch.save` keeps the bytes (the output offers them as a
 * download), and a file input lets the user load a file of their own instead — one downloaded
 * here, or a safetensors file from PyTorch. After a run the page compares the reloaded model's
 * predictions with the trained model's.
 */
import type { Lesson5Results } from "@flambeau/lesson5-linear-regression-gpu";
import { el } from "../dom.js";
import type { PageExtension } from "../extension.js";

// The name the lesson saves and loads its state dict under.
const MODEL = "awesome_model.safetensors";

/** Lesson 5's page extension. */
export const modelFile: PageExtension = ({ panel, files, rerun }) => {
  const input = el("input", { type: "file", name: "model", accept: ".safetensors" });
  const forget = el("button", { type: "button", hidden: true }, "use the lesson's own again");
  const check = el("p", { className: "reload-check" });
  input.addEventListener("change", () => {
    const file = input.files?.[0];
    if (!file) return;
    void files.upload(MODEL, file).then(() => {
      forget.hidden = false;
      rerun();
    });
  });
  forget.addEventListener("click", () => {
    files.forgetUpload(MODEL);
    input.value = "";
    forget.hidden = true;
    rerun();
  });
  panel.append(
    el(
      "section",
      { className: "model-file" },
      el("h2", {}, "Save and load"),
      el("p", { className: "hint" }, "The lesson's ", el("code", {}, "torch.save"), " keeps the state dict's bytes here (download them from the output). To have its ", el("code", {}, "torch.load"), " read a file of yours instead, choose one: the lesson runs again."),
      el("label", { className: "upload" }, "load ", el("code", {}, MODEL), " from ", input),
      forget,
      check,
    ),
  );
  return {
    beforeRun: () => {
      check.textContent = "";
      delete check.dataset.identical;
    },
    afterRun: ({ results }) => {
      const { predicted, reloaded_predicted } = results as Lesson5Results;
      const same = predicted.filter((p, i) => Object.is(p, reloaded_predicted[i])).length;
      const identical = same === predicted.length && reloaded_predicted.length === predicted.length;
      check.dataset.identical = String(identical);
      check.textContent = identical
        ? `The reloaded model's predictions are identical to the trained model's (${same} of ${predicted.length}).`
        : `The reloaded model's predictions differ from the trained model's in ${predicted.length - same} of ${predicted.length} (its weights are not the ones just trained).`;
    },
  };
};
