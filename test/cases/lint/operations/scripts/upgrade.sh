echo upgrade
