/**
 * bpmn-js opens the label editor on every new task and "completes" it when it loses focus; it then writes the label
 * whenever the editor box's size differs from the one it started with — which it does at any zoom but 100 %. So
 * dropping a task and then naming it in the properties panel lost the name: moving the focus to the panel wrote the
 * editor's empty text over it (and re-rendered the panel under the field being typed into). This ends the editor
 * without writing when its text is unchanged, except for resizable boxes (text annotations), whose size is the edit.
 */
export default function UnchangedLabelGuard(directEditing) {
  const complete = directEditing.complete;

  directEditing.complete = function() {
    const active = this._active;
    if (active && !active.context?.options?.resizable) {
      const started = String(active.context?.text ?? '').trim();
      const typed = String(this.getValue() ?? '').trim();
      if (typed === started) return this.cancel();
    }
    return complete.apply(this, arguments);
  };
}

UnchangedLabelGuard.$inject = ['directEditing'];
