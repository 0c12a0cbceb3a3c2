"use client";

import { useEffect, useRef, type ReactNode } from "react";

/** A modal question on the native <dialog>: it traps focus, closes on Escape and returns focus to the opener; `children` go between the text and the answers (a field the answer needs). */
export function ConfirmDialog(props: {
  open: boolean;
  title: string;
  text: string;
  confirm: string;
  dismiss: string;
  onConfirm(): void;
  onDismiss(): void;
  children?: ReactNode;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    if (props.open) dialog.current?.showModal();
    else dialog.current?.close();
  }, [props.open]);
  return (
    <dialog ref={dialog} aria-labelledby="confirm-title" aria-describedby="confirm-text" onClose={props.onDismiss}>
      <h2 id="confirm-title">{props.title}</h2>
      <p id="confirm-text">{props.text}</p>
      {props.children}
      <div className="actions">
        <button type="button" className="secondary" autoFocus onClick={props.onDismiss}>
          {props.dismiss}
        </button>
        <button type="button" className="danger" onClick={props.onConfirm}>
          {props.confirm}
        </button>
      </div>
    </dialog>
  );
}
