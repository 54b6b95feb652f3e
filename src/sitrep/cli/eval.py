"""The eval command: score extraction against gold annotations."""

from __future__ import annotations

import click

from .app import cli


@cli.command("eval")
@click.argument("gold", nargs=-1, type=click.Path(dir_okay=False))
@click.option("--split", default="dev", show_default=True,
              type=click.Choice(["dev", "heldout", "seeds", "demo", "all"]),
              help="Which of the repository's gold sets to score (ignored when GOLD is given).")
@click.option("--predictions", default=None, metavar="FILE",
              help="Score this events JSONL (`sitrep export events --format jsonl`) instead of "
                   "running the pipeline on the gold's corpus.")
@click.option("--relations", default=None, metavar="FILE",
              help="Relations JSONL to score along with --predictions.")
@click.option("--background", default="optional", show_default=True,
              type=click.Choice(["optional", "required"]),
              help="Whether missing a background event (history mentioned in passing) counts.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON (for CI).")
@click.option("--diff", is_flag=True,
              help="List misses, false alarms and wrong fields per document.")
def eval_command(gold: tuple[str, ...], split: str, predictions: str | None,
                 relations: str | None, background: str, as_json: bool, diff: bool) -> None:
    """Score extraction against gold annotations: precision, recall, F1 per field.

    Without --predictions, the gold's documents are ingested into a temporary database and run
    through the real pipeline. Matching rules: docs/gold-format.md. Example:
    `sitrep eval --split heldout --diff`.
    """
    import json

    from rich.console import Console

    from ..eval import evaluate
    from ..eval.render import render_report

    report = evaluate(gold, split=split, predictions=predictions, relations=relations,
                      background=background)
    if as_json:
        if not diff:
            report.pop("diff", None)
        click.echo(json.dumps(report, indent=2, ensure_ascii=False))
    else:
        render_report(report, Console(), diff=diff)
