/**
 * The files of a page: state dicts a lesson saved (`torch.save`, kept as bytes and offered as
 * downloads) and files the user uploaded for the lesson to load instead. It outlives a run, so
 * a file uploaded before a run (or saved by an earlier one) is there for the next.
 */

/** A file a lesson can load: its bytes and where they came from. */
export interface ShelfFile {
  readonly name: string;
  readonly bytes: Uint8Array;
  /** `"uploaded"` when the user chose it (then `fileName` is the file's own name), else `"saved"`. */
  readonly origin: "saved" | "uploaded";
  readonly fileName?: string;
}

/** Saved and uploaded files, by the name a lesson saves and loads them under. */
export class FileShelf {
  private readonly saved = new Map<string, Uint8Array>();
  private readonly uploaded = new Map<string, { bytes: Uint8Array; fileName: string }>();
  private readonly urls = new Map<string, string>();

  /**
   * Keeps what a lesson saved under `name` and returns a URL to download it from (the URL
   * of the previous bytes under that name is released).
   *
   * @example
   * ```ts
   * link.href = shelf.keep("awesome_model.safetensors", await torch.saveToBytes(model.state_dict()));
   * ```
   */
  keep(name: string, bytes: Uint8Array): string {
    this.saved.set(name, bytes);
    const old = this.urls.get(name);
    if (old) URL.revokeObjectURL(old);
    // A copy into a plain ArrayBuffer: the bytes may view a larger (or shared) buffer.
    const url = URL.createObjectURL(new Blob([bytes.slice()], { type: "application/octet-stream" }));
    this.urls.set(name, url);
    return url;
  }

  /**
   * Makes `file` what the lesson loads under `name`, in place of what it saved.
   *
   * @example
   * ```ts
   * input.onchange = () => shelf.upload("awesome_model.safetensors", input.files![0]!);
   * ```
   */
  async upload(name: string, file: Blob & { readonly name?: string }): Promise<void> {
    this.uploaded.set(name, { bytes: new Uint8Array(await file.arrayBuffer()), fileName: file.name ?? name });
  }

  /**
   * Forgets the upload under `name`: the lesson loads what it saved again.
   *
   * @example
   * ```ts
   * shelf.forgetUpload("awesome_model.safetensors");
   * ```
   */
  forgetUpload(name: string): void {
    this.uploaded.delete(name);
  }

  /**
   * What a lesson loading `name` gets: the upload if there is one, else what was saved.
   *
   * @example
   * ```ts
   * const file = shelf.open("awesome_model.safetensors"); // { origin: "saved", bytes, … }
   * ```
   */
  open(name: string): ShelfFile | undefined {
    const up = this.uploaded.get(name);
    if (up) return { name, bytes: up.bytes, origin: "uploaded", fileName: up.fileName };
    const bytes = this.saved.get(name);
    return bytes && { name, bytes, origin: "saved" };
  }
}
