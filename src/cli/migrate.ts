/** npm run db:migrate — applies pending schema migrations and says which. */
import { loadConfig } from "../config.js";
import { connect } from "../db/connect.js";
import { runCli } from "./run-cli.js";

runCli(async () => {
  const { driver, target, migrations } = await connect(loadConfig(), (line) => console.error(line));
  await driver.close();
  for (const name of migrations.applied) console.log(`applied ${name}`);
  console.log(`${target.uri}: ${migrations.applied.length} applied, ${migrations.alreadyApplied.length} already applied`);
  return 0;
});
