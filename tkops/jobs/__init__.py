"""The jobs: one module per SOP step, each "read the book -> call the cores -> write the book".

The two edges (:mod:`tkops.cli`, the batch commands, and :mod:`tkops.xl`, the workbook buttons) call these and
nothing else; a button and the matching command run the same job, so testing a job on files tests what the button
does.
"""
