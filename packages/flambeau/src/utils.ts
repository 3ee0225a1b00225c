/** `torch.utils`: `torch.utils.data` holds datasets, samplers and the DataLoader. */
export * as data from "@flambeau/data";
